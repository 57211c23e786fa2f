package io.tasker.metrics.console.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tasker.metrics.config.ConfigException;
import io.tasker.metrics.config.ConfigKey;
import io.tasker.metrics.config.ConfigLoader;
import io.tasker.metrics.config.TaskerConfig;
import io.tasker.metrics.console.config.ConsoleSettings;
import io.tasker.metrics.testing.Executables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** deploy/kubernetes rendered by kubectl kustomize, validated by schema and by policy; yamllint over deploy/. */
class ManifestsTest {
    /** The npm packages the schema check runs on, installed by bin/test (never committed). */
    static final String MODELS = "kubernetes-models@5.1.0 @kubernetes-models/prometheus-operator@6.0.0";

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/production", "overlays/development"})
    void everyRenderedObjectMatchesTheKubernetesAndPrometheusOperatorSchemas(String kustomization) throws IOException {
        List<JsonNode> objects = DeployFiles.render(kustomization);
        assertEquals(Set.of("ServiceAccount", "Role", "RoleBinding", "ConfigMap", "PersistentVolumeClaim", "Deployment",
                "Service", "CronJob", "ServiceMonitor", "PrometheusRule"),
                Set.copyOf(objects.stream().map(o -> o.path("kind").asText()).toList()));
        DeployFiles.Result r = DeployFiles.run(List.of(Executables.require("node", "nodejs").toString(),
                DeployFiles.deploy("validate/validate-schemas.mjs").toString()),
                DeployFiles.JSON.writeValueAsString(objects), Map.of("TASKER_VALIDATOR_MODULES", modules().toString()));
        assertEquals(0, r.exitCode(), r.output());
        assertEquals(objects.size(), r.output().lines().filter(l -> l.startsWith("valid ")).count(), r.output());
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/production", "overlays/development"})
    void everyRenderedObjectKeepsThePolicies(String kustomization) {
        assertEquals(List.of(), DeployPolicy.violations(DeployFiles.render(kustomization)));
    }

    @Test
    void thePolicyCatchesEachBreach() {
        List<JsonNode> objects = DeployFiles.render("base");
        for (JsonNode o : objects) {
            String name = o.path("metadata").path("name").asText();
            if (name.equals(DeployPolicy.BACKUP)) {
                ObjectNode spec = (ObjectNode) o.path("spec");
                spec.put("schedule", "*/5 * * * *");
                spec.put("concurrencyPolicy", "Allow");
                ObjectNode container = (ObjectNode) spec.path("jobTemplate").path("spec").path("template").path("spec")
                        .path("containers").get(0);
                container.remove("resources");
                container.putArray("env").addObject().put("name", "PROMETHEUS_PASSWORD").put("value", "hunter2");
            }
            if (o.path("kind").asText().equals("Role")) {
                ((ObjectNode) o).putArray("rules").addObject().putArray("verbs").add("get").add("delete");
            }
            if (o.path("kind").asText().equals("Service")) {
                ((ObjectNode) o.path("spec").path("ports").get(0)).put("name", "web");
            }
            if (name.equals(DeployPolicy.EXPORT)) {
                ((ObjectNode) o.findValue("configMap")).put("name", "tasker-metrics-confg");
            }
        }
        String all = String.join("\n", DeployPolicy.violations(objects));
        for (String expected : List.of("concurrencyPolicy must be Forbid", "set resources.limits.memory",
                "PROMETHEUS_PASSWORD must come from a secretKeyRef", "verb 'delete'", "runs in the same minutes",
                "port 'http' is not one of Service tasker-console's [web]", "refers to ConfigMap tasker-metrics-confg")) {
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
        for (String env : List.of("production", "development")) {
            JsonNode config = DeployFiles.render("overlays/" + env).stream()
                    .filter(o -> o.path("metadata").path("name").asText().startsWith("tasker-metrics-env"))
                    .findFirst().orElseThrow();
            assertEquals(env, config.path("data").path("TASKER_ENV").asText());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"production", "development"})
    void theShippedConfigurationLoadsInEachEnvironment(String environment) {
        Map<String, String> vars = Map.of("TASKER_ENV", environment, "TASKER_CACHE_URL", "redis://redis:6379/0",
                "PROMETHEUS_ENDPOINT", "http://prometheus:9090/api/v1/write");
        TaskerConfig c = ConfigLoader.load(Optional.of(DeployFiles.deploy("kubernetes/base/tasker.yml")), vars,
                ConsoleSettings.KEYS);
        assertEquals(environment, c.environment());
        assertEquals(environment.equals("production") ? Duration.ofMinutes(10) : Duration.ofMinutes(2),
                c.prometheus().retentionWindow());
        assertEquals(Duration.ofMinutes(5), c.value(ConfigKey.EXPORT_INTERVAL));
    }

    @ParameterizedTest
    @ValueSource(strings = {"production", "development"})
    void exportJobsOutliveTheirJobTimeoutInEachEnvironment(String environment) {
        TaskerConfig c = ConfigLoader.load(Optional.of(DeployFiles.deploy("kubernetes/base/tasker.yml")),
                Map.of("TASKER_ENV", environment, "TASKER_CACHE_URL", "redis://redis:6379/0",
                        "PROMETHEUS_ENDPOINT", "http://prometheus:9090/api/v1/write"), ConsoleSettings.KEYS);
        long jobTimeout = c.prometheus().jobTimeout().toSeconds();
        for (JsonNode o : DeployFiles.render("overlays/" + environment)) {
            String name = o.path("metadata").path("name").asText();
            if (name.equals(DeployPolicy.EXPORT) || name.equals(DeployPolicy.BACKUP)) {
                long deadline = o.path("spec").path("jobTemplate").path("spec").path("activeDeadlineSeconds").asLong();
                assertTrue(deadline > jobTimeout, name + ": activeDeadlineSeconds " + deadline + " must exceed job_timeout "
                        + jobTimeout + " s, or Kubernetes kills an export in the middle of its retries");
            }
        }
    }

    @Test
    void productionRefusesToStartWithoutAnEndpoint() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(
                Optional.of(DeployFiles.deploy("kubernetes/base/tasker.yml")),
                Map.of("TASKER_ENV", "production", "TASKER_CACHE_URL", "redis://redis:6379/0"), ConsoleSettings.KEYS));
        assertTrue(e.getMessage().contains("telemetry.prometheus.endpoint is required here"), e.getMessage());
    }

    @Test
    void yamllintAcceptsEveryFileUnderDeploy() {
        Path yamllint = Executables.require("yamllint", "yamllint");
        DeployFiles.Result r = DeployFiles.run(List.of(yamllint.toString(), "-s", "-c",
                DeployFiles.deploy(".yamllint").toString(), DeployFiles.deploy("").toString(),
                DeployFiles.root().resolve("docker-compose.yml").toString()), null, Map.of());
        assertEquals(0, r.exitCode(), r.output());
    }

    @Test
    void theImageRunsAsANumericNonRootUserWithAHealthCheckAndTheCli() throws IOException {
        List<String> lines = Files.readAllLines(DeployFiles.root().resolve("Dockerfile"));
        List<String> users = lines.stream().filter(l -> l.startsWith("USER ")).toList();
        assertEquals(1, users.size(), "one USER line: " + users);
        assertTrue(users.get(0).matches("USER [1-9][0-9]{3,}(:[1-9][0-9]{3,})?"),
                "a numeric non-root user, so that runAsNonRoot can verify it: " + users.get(0));
        assertEquals(DeployPolicy.IMAGE_USER, Integer.parseInt(users.get(0).replaceAll("USER (\\d+).*", "$1")));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("HEALTHCHECK ")), "a HEALTHCHECK");
        String text = String.join("\n", lines);
        assertTrue(text.contains("/health/live"), "the health check asks the liveness route");
        assertTrue(text.contains("/app/tasker-metrics.jar"), "the CLI the CronJobs run is in the image");
        for (JsonNode o : DeployFiles.render("base")) {
            String command = o.findValues("command").toString();
            if (o.path("kind").asText().equals("CronJob")) {
                assertTrue(command.contains("/app/tasker-metrics.jar"), o.path("metadata").path("name") + ": " + command);
            }
        }
    }

    private static Path modules() {
        Path dir = DeployFiles.root().resolve("build/deploy-validator");
        if (!Files.isDirectory(dir.resolve("node_modules/@kubernetes-models/prometheus-operator"))
                || !Files.isDirectory(dir.resolve("node_modules/kubernetes-models"))) {
            throw new AssertionError("The npm packages " + MODELS + " are missing from " + dir + ". Run bin/test, which "
                    + "installs them, or: npm install --prefix " + dir + " --no-save " + MODELS);
        }
        return dir;
    }
}
