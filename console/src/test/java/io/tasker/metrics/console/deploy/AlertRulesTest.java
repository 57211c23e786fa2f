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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PrometheusRule's groups, extracted as Prometheus reads rule files, through
 * {@code promtool check rules} and {@code promtool test rules}
 * (deploy/prometheus/tasker-alerts.test.yml); every alert tested and documented.
 */
class AlertRulesTest {
    private static final String RULES = "tasker-alerts.rules.yml";
    private static final String TESTS = "tasker-alerts.test.yml";

    @TempDir
    static Path dir;
    private static JsonNode rule;

    @BeforeAll
    static void extract() throws IOException {
        rule = DeployFiles.parseAll(Files.readString(DeployFiles.deploy("kubernetes/base/prometheusrule.yaml"))).get(0);
        Files.writeString(dir.resolve(RULES), DeployFiles.YAML.writeValueAsString(Map.of("groups", rule.path("spec").path("groups"))));
        Files.copy(DeployFiles.deploy("prometheus/" + TESTS), dir.resolve(TESTS));
    }

    @Test
    void promtoolChecksTheRules() {
        DeployFiles.Result r = promtool("check", "rules", dir.resolve(RULES).toString());
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("SUCCESS: " + alerts().size() + " rules found"), r.output());
    }

    @Test
    void promtoolTestsPassForEveryAlert() {
        DeployFiles.Result r = promtool("test", "rules", dir.resolve(TESTS).toString());
        assertEquals(0, r.exitCode(), r.output());
    }

    @Test
    void everyAlertHasAFiringAndAQuietCase() throws IOException {
        JsonNode tests = DeployFiles.YAML.readTree(dir.resolve(TESTS).toFile()).path("tests");
        for (String alert : alerts()) {
            int firing = 0;
            int quiet = 0;
            for (JsonNode test : tests) {
                for (JsonNode case_ : test.path("alert_rule_test")) {
                    if (case_.path("alertname").asText().equals(alert)) {
                        if (case_.path("exp_alerts").isEmpty()) {
                            quiet++;
                        } else {
                            firing++;
                        }
                    }
                }
            }
            assertTrue(firing > 0 && quiet > 0, alert + ": " + firing + " firing and " + quiet + " quiet cases");
        }
    }

    @Test
    void everyRunbookUrlPointsAtASectionOfTheOperationsGuide() throws IOException {
        String guide = Files.readString(DeployFiles.root().resolve("docs/operations.md"));
        Set<String> anchors = new TreeSet<>();
        guide.lines().filter(l -> l.startsWith("#")).forEach(l -> anchors.add(anchor(l)));
        for (JsonNode group : rule.path("spec").path("groups")) {
            for (JsonNode r : group.path("rules")) {
                String url = r.path("annotations").path("runbook_url").asText();
                String alert = r.path("alert").asText();
                assertTrue(url.endsWith("docs/operations.md#runbook-" + alert.toLowerCase(Locale.ROOT)), alert + ": " + url);
                assertTrue(anchors.contains(url.substring(url.indexOf('#') + 1)),
                        alert + ": no heading '### Runbook: " + alert + "' in docs/operations.md");
            }
        }
    }

    private static List<String> alerts() {
        List<String> names = new ArrayList<>();
        rule.path("spec").path("groups").forEach(g -> g.path("rules").forEach(r -> names.add(r.path("alert").asText())));
        return names;
    }

    /** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to dashes. */
    private static String anchor(String heading) {
        return heading.replaceFirst("^#+\\s*", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 _-]", "").replace(' ', '-');
    }

    private static DeployFiles.Result promtool(String... args) {
        List<String> command = new ArrayList<>(List.of(Executables.promtool().toString()));
        command.addAll(List.of(args));
        return DeployFiles.run(command, null, Map.of());
    }
}
