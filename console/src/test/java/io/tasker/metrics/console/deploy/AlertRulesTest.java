package io.tasker.metrics.console.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tasker.metrics.testing.Executables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules the mixin renders (deploy/prometheus/tasker-metrics.rules.yml, and the same groups in
 * the PrometheusRule) through {@code promtool check rules} and {@code promtool test rules}
 * (deploy/prometheus/tasker-metrics.test.yml); every alert tested per namespace and documented,
 * every recording rule tested.
 */
class AlertRulesTest {
    static final String RULES = "prometheus/tasker-metrics.rules.yml";
    static final String TESTS = "prometheus/tasker-metrics.test.yml";
    static final String PROMETHEUS_RULE = "kubernetes/components/monitoring/prometheusrule.yaml";
    private static final Pattern NAMESPACE = Pattern.compile("namespace=\"([^\"]+)\"");

    private static JsonNode groups;
    private static JsonNode tests;

    @BeforeAll
    static void read() throws IOException {
        groups = DeployFiles.YAML.readTree(DeployFiles.deploy(RULES).toFile()).path("groups");
        tests = DeployFiles.YAML.readTree(DeployFiles.deploy(TESTS).toFile()).path("tests");
    }

    @Test
    void promtoolChecksTheRules() {
        DeployFiles.Result r =
                promtool("check", "rules", DeployFiles.deploy(RULES).toString());
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("SUCCESS: " + rules().size() + " rules found"), r.output());
    }

    @Test
    void promtoolTestsPassForEveryRule() {
        // In place: the test file names the rule file beside it.
        DeployFiles.Result r =
                promtool("test", "rules", DeployFiles.deploy(TESTS).toString());
        assertEquals(0, r.exitCode(), r.output());
    }

    @Test
    void theScrapeConfigWithoutTheOperatorAndComposesPassPromtool(@TempDir Path dir) throws IOException {
        Files.copy(DeployFiles.deploy(RULES), dir.resolve("tasker-metrics.rules.yml"));
        Path token = Files.writeString(dir.resolve("console-token"), "t");
        // Debian's Prometheus is built without Kubernetes discovery, so a static target stands in
        // for it; the token file must exist for promtool.
        String kubernetes = Files.readString(DeployFiles.deploy("prometheus/scrape-kubernetes.yml"));
        String checkable = kubernetes
                .replace(
                        "kubernetes_sd_configs:\n      - role: pod\n",
                        "static_configs:\n      - targets: [\"127.0.0.1:7070\"]\n")
                .replace("/etc/prometheus/secrets/tasker-metrics/console-token", token.toString());
        assertTrue(!checkable.contains("kubernetes_sd_configs") && checkable.contains(token.toString()), checkable);
        String compose = Files.readString(DeployFiles.deploy("prometheus/prometheus.yml"))
                .replace(
                        "/etc/prometheus/tasker-metrics.rules.yml",
                        dir.resolve("tasker-metrics.rules.yml").toString())
                // The compose secret holding the console's token, which promtool wants to exist.
                .replace("/run/secrets/console_token", token.toString());
        for (Map.Entry<String, String> config :
                Map.of("kubernetes.yml", checkable, "compose.yml", compose).entrySet()) {
            Path file = Files.writeString(dir.resolve(config.getKey()), config.getValue());
            DeployFiles.Result r = promtool("check", "config", file.toString());
            assertEquals(0, r.exitCode(), config.getKey() + ":\n" + r.output());
            assertTrue(r.output().contains("SUCCESS: 1 rule files found"), r.output());
        }
    }

    @Test
    void thePrometheusRuleHoldsTheSameGroups() throws IOException {
        JsonNode rule = DeployFiles.parseAll(Files.readString(DeployFiles.deploy(PROMETHEUS_RULE)))
                .get(0);
        assertEquals(
                groups, rule.path("spec").path("groups"), "the operator and a plain Prometheus load the same rules");
    }

    @Test
    void everyAlertHasAFiringAQuietAndATwoNamespaceCase() {
        for (String alert : names("alert")) {
            int firing = 0;
            int quiet = 0;
            int twoNamespaces = 0;
            for (JsonNode test : tests) {
                for (JsonNode case_ : test.path("alert_rule_test")) {
                    if (case_.path("alertname").asText().equals(alert)) {
                        if (case_.path("exp_alerts").isEmpty()) {
                            quiet++;
                        } else {
                            firing++;
                            twoNamespaces += namespaces(test).size() > 1 ? 1 : 0;
                        }
                    }
                }
            }
            assertTrue(
                    firing > 0 && quiet > 0 && twoNamespaces > 0,
                    alert + ": " + firing + " firing, " + quiet + " quiet and " + twoNamespaces
                            + " two-namespace cases");
        }
    }

    @Test
    void everyRecordingRuleIsTested() {
        Set<String> tested = new TreeSet<>();
        tests.forEach(t -> t.path("promql_expr_test")
                .forEach(e -> tested.add(e.path("expr").asText())));
        for (String record : names("record")) {
            assertTrue(tested.stream().anyMatch(e -> e.contains(record)), record + " has no promql_expr_test");
        }
    }

    @Test
    void everyRunbookUrlPointsAtASectionOfTheOperationsGuideOfThisProject() throws IOException {
        String guide = Files.readString(DeployFiles.root().resolve("docs/operations.md"));
        Set<String> anchors = new TreeSet<>();
        guide.lines().filter(l -> l.startsWith("#")).forEach(l -> anchors.add(anchor(l)));
        String project = DeployFiles.projectUrl();
        for (JsonNode r : rules()) {
            String alert = r.path("alert").asText();
            if (alert.isEmpty()) {
                continue;
            }
            String url = r.path("annotations").path("runbook_url").asText();
            assertTrue(url.startsWith(project + "/"), alert + ": " + url + " is not under the project's " + project);
            assertTrue(
                    url.endsWith("docs/operations.md#runbook-" + alert.toLowerCase(Locale.ROOT)), alert + ": " + url);
            assertTrue(
                    anchors.contains(url.substring(url.indexOf('#') + 1)),
                    alert + ": no heading '### Runbook: " + alert + "' in docs/operations.md");
        }
    }

    private static Set<String> namespaces(JsonNode test) {
        Set<String> found = new TreeSet<>();
        test.path("input_series").forEach(s -> {
            Matcher m = NAMESPACE.matcher(s.path("series").asText());
            if (m.find()) {
                found.add(m.group(1));
            }
        });
        return found;
    }

    private static List<JsonNode> rules() {
        List<JsonNode> all = new ArrayList<>();
        groups.forEach(g -> g.path("rules").forEach(all::add));
        return all;
    }

    private static Set<String> names(String field) {
        Set<String> out = new TreeSet<>();
        rules().stream()
                .filter(r -> r.has(field))
                .forEach(r -> out.add(r.path(field).asText()));
        return out;
    }

    /** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to dashes. */
    private static String anchor(String heading) {
        return heading.replaceFirst("^#+\\s*", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9 _-]", "")
                .replace(' ', '-');
    }

    private static DeployFiles.Result promtool(String... args) {
        List<String> command = new ArrayList<>(List.of(Executables.promtool().toString()));
        command.addAll(List.of(args));
        return DeployFiles.run(command, null, Map.of());
    }
}
