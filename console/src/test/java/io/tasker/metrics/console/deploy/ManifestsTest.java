package io.tasker.metrics.console.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tasker.metrics.config.ConfigException;
import io.tasker.metrics.config.ConfigLoader;
import io.tasker.metrics.config.TaskerConfig;
import io.tasker.metrics.console.config.ConsoleSettings;
import io.tasker.metrics.testing.Executables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * deploy/kubernetes rendered by kubectl kustomize, validated by schema (the npm models' types and
 * values, and strictly: no field the API does not know) and by policy; yamllint over deploy/.
 */
class ManifestsTest {
    /** The npm packages the schema check runs on, installed by bin/test (never committed). */
    static final String MODELS = "kubernetes-models@5.1.0 @kubernetes-models/prometheus-operator@6.0.0";

    static final Set<String> KINDS = Set.of(
            "ServiceAccount",
            "Role",
            "RoleBinding",
            "ConfigMap",
            "PersistentVolumeClaim",
            "Deployment",
            "Service",
            "CronJob",
            "NetworkPolicy");
    /** The prometheus-operator's kinds, which need its CRDs: only in the overlays that add the monitoring component. */
    static final Set<String> OPERATOR_KINDS = Set.of("ServiceMonitor", "PrometheusRule");

    static final String WITHOUT_OPERATOR = "overlays/production-without-operator";
    /** Production with two consoles on PostgreSQL: a PodDisruptionBudget, and no volume claim. */
    static final String POSTGRESQL = "overlays/postgresql";
    /**
     * A typo in each kind the overlays render, where a person would make it; the strict check must
     * reject every one. The first two are the ones the npm models accepted.
     */
    static final Map<String, Typo> TYPOS = Map.ofEntries(
            Map.entry(
                    "Deployment",
                    new Typo("/spec/template/spec/containers/0/securityContext", "readOnlyRootFileSystem")),
            Map.entry("ServiceMonitor", new Typo("/spec/endpoints/0", "honourLabels")),
            Map.entry("CronJob", new Typo("/spec/jobTemplate/spec/podFailurePolicy/rules/0", "onExitCode")),
            Map.entry("PrometheusRule", new Typo("/spec/groups/0/rules/0", "expression")),
            Map.entry("NetworkPolicy", new Typo("/spec", "policyType")),
            Map.entry("Service", new Typo("/spec/ports/0", "targetport")),
            Map.entry("PersistentVolumeClaim", new Typo("/spec", "accessMode")),
            Map.entry("ConfigMap", new Typo("", "datas")),
            Map.entry("ServiceAccount", new Typo("", "automountServiceAccountTokens")),
            Map.entry("Role", new Typo("/rules/0", "apiGroup")),
            Map.entry("RoleBinding", new Typo("/subjects/0", "namespaces")));

    /** An unknown field to put into the object at a JSON pointer. */
    record Typo(String at, String field) {}

    private static StrictSchemas schemas;

    @BeforeAll
    static void loadSchemas() {
        schemas = StrictSchemas.load();
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/production", "overlays/development", WITHOUT_OPERATOR, POSTGRESQL})
    void everyRenderedObjectMatchesTheKubernetesAndPrometheusOperatorSchemas(String kustomization) throws IOException {
        List<JsonNode> objects = DeployFiles.render(kustomization);
        Set<String> expected = new TreeSet<>(KINDS);
        if (kustomization.startsWith("overlays/") && !kustomization.equals(WITHOUT_OPERATOR)) {
            expected.addAll(OPERATOR_KINDS);
        }
        if (kustomization.equals(POSTGRESQL)) {
            expected.remove("PersistentVolumeClaim");
            expected.add("PodDisruptionBudget");
        }
        assertEquals(
                expected,
                new TreeSet<>(objects.stream().map(o -> o.path("kind").asText()).toList()));
        DeployFiles.Result r = DeployFiles.run(
                List.of(
                        Executables.require("node", "nodejs").toString(),
                        DeployFiles.deploy("validate/validate-schemas.mjs").toString()),
                DeployFiles.JSON.writeValueAsString(objects),
                Map.of("TASKER_VALIDATOR_MODULES", modules().toString()));
        assertEquals(0, r.exitCode(), r.output());
        assertEquals(
                objects.size(),
                r.output().lines().filter(l -> l.startsWith("valid ")).count(),
                r.output());
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/production", "overlays/development", WITHOUT_OPERATOR, POSTGRESQL})
    void everyRenderedObjectHasOnlyFieldsTheApiKnows(String kustomization) {
        List<String> errors = new ArrayList<>();
        DeployFiles.render(kustomization).forEach(o -> errors.addAll(schemas.errors(o)));
        assertEquals(List.of(), errors);
    }

    @Test
    void thePostgresqlOverlayRunsTwoConsolesOnASharedDatabaseFromTheSecret() {
        List<JsonNode> objects = DeployFiles.render(POSTGRESQL);
        JsonNode console = objects.stream()
                .filter(o -> o.path("kind").asText().equals("Deployment"))
                .filter(o -> o.at("/metadata/name").asText().equals("tasker-console"))
                .findFirst()
                .orElseThrow();
        assertEquals(2, console.at("/spec/replicas").asInt());
        assertEquals("RollingUpdate", console.at("/spec/strategy/type").asText(), "nothing holds a file any more");
        assertEquals(
                0, console.at("/spec/strategy/rollingUpdate/maxUnavailable").asInt());
        Map<String, JsonNode> env = new HashMap<>();
        console.at("/spec/template/spec/containers/0/env")
                .forEach(e -> env.put(e.path("name").asText(), e));
        for (String name : List.of(
                "TASKER_CONSOLE_DATABASE_URL", "TASKER_CONSOLE_DATABASE_USER", "TASKER_CONSOLE_DATABASE_PASSWORD")) {
            assertEquals(
                    "tasker-metrics",
                    env.get(name).at("/valueFrom/secretKeyRef/name").asText(),
                    name);
            assertTrue(env.get(name).path("value").isMissingNode(), name + " has no value of its own");
        }
        assertTrue(
                objects.stream().noneMatch(o -> o.path("kind").asText().equals("PersistentVolumeClaim")),
                "no H2 volume");
        assertTrue(console.toString().indexOf("tasker-console-data") < 0, "no claim mounted");
        JsonNode budget = objects.stream()
                .filter(o -> o.path("kind").asText().equals("PodDisruptionBudget"))
                .findFirst()
                .orElseThrow();
        assertEquals(1, budget.at("/spec/minAvailable").asInt());
        assertEquals(
                console.at("/spec/selector/matchLabels"),
                budget.at("/spec/selector/matchLabels"),
                "the budget covers the console's pods");
    }

    @Test
    void aTypoInAnyKindFailsTheStrictCheck() {
        List<JsonNode> objects = DeployFiles.render("overlays/production");
        assertEquals(
                new TreeSet<>(TYPOS.keySet()),
                new TreeSet<>(objects.stream().map(o -> o.path("kind").asText()).toList()),
                "every rendered kind has a negative control");
        for (Map.Entry<String, Typo> typo : TYPOS.entrySet()) {
            JsonNode object = objects.stream()
                    .filter(o -> o.path("kind").asText().equals(typo.getKey()))
                    .filter(o -> o.at(typo.getValue().at()).isObject())
                    .findFirst()
                    .orElseThrow()
                    .deepCopy();
            ((ObjectNode) object.at(typo.getValue().at())).put(typo.getValue().field(), true);
            List<String> errors = schemas.errors(object);
            assertEquals(1, errors.size(), typo + ": " + errors);
            assertTrue(errors.get(0).contains(typo.getValue().field()), errors.get(0));
        }
    }

    @Test
    void theStrictCheckStillChecksTypesAndKnowsOnlyTheKindsItHasSchemasFor() {
        JsonNode deployment = DeployFiles.render("base").stream()
                .filter(o -> o.path("kind").asText().equals("Deployment"))
                .findFirst()
                .orElseThrow()
                .deepCopy();
        ((ObjectNode) deployment.path("spec")).put("replicas", "one");
        assertTrue(
                schemas.errors(deployment).toString().contains("replicas"),
                schemas.errors(deployment).toString());
        assertTrue(schemas.knows("monitoring.coreos.com/v1", "PodMonitor"));
        ObjectNode widget = DeployFiles.JSON
                .createObjectNode()
                .put("apiVersion", "example.com/v1")
                .put("kind", "Widget");
        widget.putObject("metadata").put("name", "w");
        assertEquals(List.of("Widget w: no schema for example.com/v1 Widget"), schemas.errors(widget));
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/production", "overlays/development", WITHOUT_OPERATOR, POSTGRESQL})
    void everyRenderedObjectKeepsThePolicies(String kustomization) {
        assertEquals(List.of(), DeployPolicy.violations(DeployFiles.render(kustomization)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", WITHOUT_OPERATOR})
    void withoutTheOperatorNothingNeedsItsCrds(String kustomization) {
        List<String> operators = DeployFiles.render(kustomization).stream()
                .filter(o -> o.path("apiVersion").asText().startsWith("monitoring.coreos.com/"))
                .map(o -> o.path("kind").asText())
                .toList();
        assertEquals(
                List.of(),
                operators,
                "kubectl apply -k fails with 'no matches for kind' on a cluster without the CRDs");
        assertEquals(
                names("overlays/production").stream()
                        .filter(n -> !n.startsWith("ServiceMonitor ")
                                && !n.startsWith("PrometheusRule ")
                                && !n.endsWith(" tasker-metrics-prometheus"))
                        .toList(),
                names(WITHOUT_OPERATOR),
                "the same deployment as production, less the operator's objects");
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/production", "overlays/development"})
    void kubePrometheusStackAndKubePrometheusBothFindTheOverlays(String kustomization) {
        List<JsonNode> objects = DeployFiles.render(kustomization);
        String namespace = kustomization.substring("overlays/".length());
        for (JsonNode o : objects) {
            if (OPERATOR_KINDS.contains(o.path("kind").asText())) {
                // kube-prometheus-stack's Prometheus selects only what carries its release label.
                assertEquals(
                        "kube-prometheus-stack",
                        o.at("/metadata/labels/release").asText(),
                        o.path("kind").asText());
            }
        }
        // kube-prometheus' Prometheus discovers targets only where a Role lets its account read them.
        JsonNode binding = objects.stream()
                .filter(o -> o.path("kind").asText().equals("RoleBinding"))
                .filter(o -> o.at("/subjects/0/name").asText().equals("prometheus-k8s"))
                .findFirst()
                .orElseThrow();
        assertEquals("monitoring", binding.at("/subjects/0/namespace").asText(), "the account lives in monitoring");
        assertEquals(namespace, binding.at("/metadata/namespace").asText(), "the right is granted here");
        JsonNode role = objects.stream()
                .filter(o -> o.path("kind").asText().equals("Role"))
                .filter(o -> o.at("/metadata/name")
                        .asText()
                        .equals(binding.at("/roleRef/name").asText()))
                .findFirst()
                .orElseThrow();
        Set<String> readable = new TreeSet<>();
        role.path("rules").forEach(r -> r.path("resources").forEach(x -> readable.add(x.asText())));
        assertTrue(
                readable.containsAll(Set.of("services", "endpoints", "pods", "endpointslices")), readable.toString());
    }

    @Test
    void everyContainerRunsTheReleaseOfThisProjectNamedInOnePlace() throws IOException {
        // ghcr.io/<the organisation of the project's home page>/tasker-metrics:<the version being built>
        String organisation = DeployFiles.projectUrl().replaceFirst("https://github.com/([^/]+)/.*", "$1");
        String image = "ghcr.io/" + organisation + "/tasker-metrics:" + DeployFiles.releaseVersion();
        for (String kustomization :
                List.of("base", "overlays/production", "overlays/development", WITHOUT_OPERATOR, POSTGRESQL)) {
            for (JsonNode o : DeployFiles.render(kustomization)) {
                o.findValues("containers")
                        .forEach(cs -> cs.forEach(c -> assertEquals(
                                image,
                                c.path("image").asText(),
                                kustomization + " " + o.at("/metadata/name").asText())));
            }
        }
        try (var files = Files.walk(DeployFiles.deploy("kubernetes"))) {
            List<Path> naming = files.filter(f -> f.getFileName().toString().equals("kustomization.yaml"))
                    .filter(f -> DeployFiles.parseAll(read(f)).get(0).has("images"))
                    .toList();
            assertEquals(
                    List.of(DeployFiles.deploy("kubernetes/base/kustomization.yaml")),
                    naming,
                    "images: in one kustomization");
        }
    }

    @Test
    void theDockerBuildContextLeavesOutOutputsAndKeepsWhatTheBuildReads() throws IOException {
        List<String> ignored = Files.readAllLines(DeployFiles.root().resolve(".dockerignore")).stream()
                .map(String::trim)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList();
        assertTrue(ignored.containsAll(List.of(".git", "**/target", "build")), ignored.toString());
        // The Dockerfile builds console and cli with every module they need (tests compiled too).
        List<String> needed = new ArrayList<>(List.of("pom.xml", "migrations", "static"));
        needed.addAll(mavenModules(DeployFiles.root().resolve("pom.xml")));
        for (String path : needed) {
            assertTrue(
                    ignored.stream().noneMatch(p -> p.equals(path) || p.equals(path + "/") || p.equals("*")),
                    path + " is needed by the image's build but .dockerignore leaves it out");
        }
    }

    @Test
    void thePolicyCatchesEachBreach() {
        List<JsonNode> objects = DeployFiles.render("overlays/production");
        for (JsonNode o : objects) {
            String name = o.path("metadata").path("name").asText();
            if (name.equals(DeployPolicy.BACKUP)) {
                ObjectNode spec = (ObjectNode) o.path("spec");
                spec.put("schedule", "*/5 * * * *");
                spec.put("concurrencyPolicy", "Allow");
                ObjectNode container = (ObjectNode) spec.path("jobTemplate")
                        .path("spec")
                        .path("template")
                        .path("spec")
                        .path("containers")
                        .get(0);
                container.remove("resources");
                container
                        .putArray("env")
                        .addObject()
                        .put("name", "PROMETHEUS_PASSWORD")
                        .put("value", "hunter2");
            }
            if (o.path("kind").asText().equals("Role")) {
                ((ObjectNode) o)
                        .putArray("rules")
                        .addObject()
                        .putArray("verbs")
                        .add("get")
                        .add("delete");
            }
            if (o.path("kind").asText().equals("Service")) {
                ((ObjectNode) o.path("spec").path("ports").get(0)).put("name", "web");
            }
            if (name.equals(DeployPolicy.EXPORT)) {
                ((ObjectNode) o.findValue("configMap")).put("name", "tasker-metrics-confg");
                ((ObjectNode) o.at("/spec/jobTemplate/spec")).remove("podFailurePolicy");
            }
            if (o.path("kind").asText().equals("Deployment")) {
                ((ObjectNode) o.at("/spec/template/spec/containers/0/startupProbe")).put("failureThreshold", 3);
            }
            if (name.equals("tasker-metrics-jobs")) {
                ((ObjectNode) o.at("/spec/podSelector/matchExpressions/0"))
                        .putArray("values")
                        .add(DeployPolicy.EXPORT);
            }
            if (name.equals("tasker-console") && o.path("kind").asText().equals("NetworkPolicy")) {
                ((ObjectNode) o.at("/spec/ingress/0/ports/0")).put("port", "metrics");
                ((ObjectNode) o.path("spec")).withArray("ingress").addObject();
            }
        }
        String all = String.join("\n", DeployPolicy.violations(objects));
        for (String expected : List.of(
                "concurrencyPolicy must be Forbid",
                "set resources.limits.memory",
                "PROMETHEUS_PASSWORD must come from a secretKeyRef",
                "verb 'delete'",
                "runs in the same minutes",
                "port 'http' is not one of Service tasker-console's [web]",
                "refers to ConfigMap tasker-metrics-confg",
                "CronJob tasker-metrics-export: podFailurePolicy must FailJob on exit codes 2 and 75",
                "a startupProbe allowing at least 120 s",
                "CronJob tasker-metrics-sync: no NetworkPolicy selects its pods",
                "port 'metrics' is no container port",
                "an empty one admits everything")) {
            assertTrue(all.contains(expected), "expected '" + expected + "' in:\n" + all);
        }
    }

    @Test
    void cronMinutesReadsStepsRangesAndLists() {
        assertEquals(Set.of(0, 15, 30, 45), CronMinutes.of("*/15 * * * *"));
        assertEquals(Set.of(2, 7, 12, 17, 22, 27, 32, 37, 42, 47, 52, 57), CronMinutes.of("2-59/5 * * * *"));
        assertEquals(Set.of(1, 31), CronMinutes.of("1,31 * * * *"));
    }

    @Test
    void overlaysSelectTheirEnvironment() {
        for (String env : List.of("production", "development", "production-without-operator")) {
            JsonNode config = DeployFiles.render("overlays/" + env).stream()
                    .filter(o -> o.path("metadata").path("name").asText().startsWith("tasker-metrics-env"))
                    .findFirst()
                    .orElseThrow();
            assertEquals(
                    env.replace("-without-operator", ""),
                    config.path("data").path("TASKER_ENV").asText());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"production", "development"})
    void theShippedConfigurationLoadsInEachEnvironment(String environment) {
        Map<String, String> vars = Map.of(
                "TASKER_ENV",
                environment,
                "TASKER_CACHE_URL",
                "redis://redis:6379/0",
                "PROMETHEUS_ENDPOINT",
                "http://prometheus:9090/api/v1/write");
        TaskerConfig c = ConfigLoader.load(
                Optional.of(DeployFiles.deploy("kubernetes/base/tasker.yml")), vars, ConsoleSettings.KEYS);
        assertEquals(environment, c.environment());
        assertEquals(
                environment.equals("production") ? Duration.ofMinutes(10) : Duration.ofMinutes(2),
                c.sync().retentionWindow());
        assertEquals(Duration.ofMinutes(5), c.export().interval());
    }

    @ParameterizedTest
    @ValueSource(strings = {"production", "development"})
    void exportJobsOutliveTheirJobTimeoutInEachEnvironment(String environment) {
        TaskerConfig c = ConfigLoader.load(
                Optional.of(DeployFiles.deploy("kubernetes/base/tasker.yml")),
                Map.of(
                        "TASKER_ENV",
                        environment,
                        "TASKER_CACHE_URL",
                        "redis://redis:6379/0",
                        "PROMETHEUS_ENDPOINT",
                        "http://prometheus:9090/api/v1/write"),
                ConsoleSettings.KEYS);
        long jobTimeout = c.export().jobTimeout().toSeconds();
        for (JsonNode o : DeployFiles.render("overlays/" + environment)) {
            String name = o.path("metadata").path("name").asText();
            if (name.equals(DeployPolicy.EXPORT) || name.equals(DeployPolicy.BACKUP)) {
                long deadline = o.path("spec")
                        .path("jobTemplate")
                        .path("spec")
                        .path("activeDeadlineSeconds")
                        .asLong();
                assertTrue(
                        deadline > jobTimeout,
                        name + ": activeDeadlineSeconds " + deadline + " must exceed job_timeout " + jobTimeout
                                + " s, or Kubernetes kills an export in the middle of its retries");
            }
        }
    }

    @Test
    void productionRefusesToStartWithoutAnEndpoint() {
        ConfigException e = assertThrows(
                ConfigException.class,
                () -> ConfigLoader.load(
                        Optional.of(DeployFiles.deploy("kubernetes/base/tasker.yml")),
                        Map.of("TASKER_ENV", "production", "TASKER_CACHE_URL", "redis://redis:6379/0"),
                        ConsoleSettings.KEYS));
        assertTrue(e.getMessage().contains("telemetry.prometheus.endpoint is required here"), e.getMessage());
    }

    @Test
    void yamllintAcceptsEveryFileUnderDeploy() {
        Path yamllint = Executables.require("yamllint", "yamllint");
        DeployFiles.Result r = DeployFiles.run(
                List.of(
                        yamllint.toString(),
                        "-s",
                        "-c",
                        DeployFiles.deploy(".yamllint").toString(),
                        DeployFiles.deploy("").toString(),
                        DeployFiles.root().resolve("docker-compose.yml").toString()),
                null,
                Map.of());
        assertEquals(0, r.exitCode(), r.output());
    }

    @Test
    void theImageRunsAsANumericNonRootUserWithAHealthCheckAndTheCli() throws IOException {
        List<String> lines = Files.readAllLines(DeployFiles.root().resolve("Dockerfile"));
        List<String> users = lines.stream().filter(l -> l.startsWith("USER ")).toList();
        assertEquals(1, users.size(), "one USER line: " + users);
        assertTrue(
                users.get(0).matches("USER [1-9][0-9]{3,}(:[1-9][0-9]{3,})?"),
                "a numeric non-root user, so that runAsNonRoot can verify it: " + users.get(0));
        assertEquals(DeployPolicy.IMAGE_USER, Integer.parseInt(users.get(0).replaceAll("USER (\\d+).*", "$1")));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("HEALTHCHECK ")), "a HEALTHCHECK");
        String text = String.join("\n", lines);
        assertTrue(text.contains("/health/live"), "the health check asks the liveness route");
        assertTrue(text.contains("/app/tasker-metrics.jar"), "the CLI the CronJobs run is in the image");
        for (JsonNode o : DeployFiles.render("base")) {
            String command = o.findValues("command").toString();
            if (o.path("kind").asText().equals("CronJob")) {
                assertTrue(
                        command.contains("/app/tasker-metrics.jar"),
                        o.path("metadata").path("name") + ": " + command);
            }
        }
    }

    private static List<String> names(String kustomization) {
        return DeployFiles.render(kustomization).stream()
                .map(o -> o.path("kind").asText() + " " + o.at("/metadata/name").asText())
                .sorted()
                .toList();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The parent pom's {@code <module>} folders, first path segment. */
    private static List<String> mavenModules(Path pom) throws IOException {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<module>([^<]+)</module>").matcher(Files.readString(pom));
        while (m.find()) {
            out.add(m.group(1).split("/")[0]);
        }
        return out;
    }

    private static Path modules() {
        Path dir = DeployFiles.root().resolve("build/deploy-validator");
        if (!Files.isDirectory(dir.resolve("node_modules/@kubernetes-models/prometheus-operator"))
                || !Files.isDirectory(dir.resolve("node_modules/kubernetes-models"))) {
            throw new AssertionError(
                    "The npm packages " + MODELS + " are missing from " + dir + ". Run bin/test, which "
                            + "installs them, or: npm install --prefix " + dir + " --no-save " + MODELS);
        }
        return dir;
    }
}
