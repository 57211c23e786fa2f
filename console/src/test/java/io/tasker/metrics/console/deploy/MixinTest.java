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
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * mixin/ is the one source of the rules and the dashboard: what is committed under deploy/ is what
 * it renders, and every query it writes reads the console's cluster view, per namespace.
 */
class MixinTest {
    static final String DASHBOARD = "grafana/tasker-metrics.json";
    /** A raw Tasker series in a selector; recorded series have a colon in their name and do not match. */
    private static final Pattern RAW_SELECTOR = Pattern.compile("(?<![:\\w])(tasker_\\w+)\\{([^}]*)}");

    @Test
    void theCommittedFilesAreWhatTheMixinRenders(@TempDir Path out) throws IOException {
        Executables.require("jsonnet", "jsonnet");
        DeployFiles.Result r = DeployFiles.run(
                List.of("bash", DeployFiles.root().resolve("mixin/render.sh").toString(), out.toString()),
                null,
                Map.of());
        assertEquals(0, r.exitCode(), r.output());
        List<Path> rendered;
        try (Stream<Path> files = Files.walk(out)) {
            rendered = files.filter(Files::isRegularFile).toList();
        }
        assertEquals(3, rendered.size(), "the PrometheusRule, the rule file and the dashboard: " + rendered);
        for (Path file : rendered) {
            String relative = out.relativize(file).toString();
            Path committed = DeployFiles.deploy(relative);
            assertTrue(
                    Files.exists(committed), "deploy/" + relative + " is missing: run mixin/render.sh and commit it");
            assertEquals(
                    Files.readString(file),
                    Files.readString(committed),
                    "deploy/" + relative
                            + " differs from what mixin/ renders: edit the mixin, run mixin/render.sh, commit both");
        }
    }

    @Test
    void theMixinIsFormattedAsJsonnetfmtWritesIt() throws IOException {
        Path jsonnetfmt = Executables.require("jsonnetfmt", "jsonnet");
        List<String> command = new ArrayList<>(List.of(jsonnetfmt.toString(), "--test"));
        try (Stream<Path> files = Files.list(DeployFiles.root().resolve("mixin"))) {
            files.filter(f -> f.toString().endsWith("sonnet")).sorted().forEach(f -> command.add(f.toString()));
        }
        DeployFiles.Result r = DeployFiles.run(command, null, Map.of());
        assertEquals(0, r.exitCode(), "run jsonnetfmt -i mixin/*.libsonnet mixin/*.jsonnet\n" + r.output());
    }

    @Test
    void everyRuleReadsOnlyTheConsolesClusterView() throws IOException {
        JsonNode groups = DeployFiles.YAML
                .readTree(DeployFiles.deploy(AlertRulesTest.RULES).toFile())
                .path("groups");
        List<String> checked = new ArrayList<>();
        groups.forEach(g -> g.path("rules")
                .forEach(
                        r -> checked.addAll(clusterViewViolations(r.path("expr").asText(), "job=\"tasker-console\""))));
        assertEquals(List.of(), checked);
    }

    @Test
    void everyPanelReadsTheChosenClusterNamespaceAndJobOfTheClusterView() throws IOException {
        JsonNode dashboard =
                DeployFiles.JSON.readTree(DeployFiles.deploy(DASHBOARD).toFile());
        List<String> violations = new ArrayList<>();
        for (JsonNode target : dashboard.path("panels").findValues("targets")) {
            for (JsonNode t : target) {
                String expr = t.path("expr").asText();
                violations.addAll(clusterViewViolations(expr, "job=~\"$job\""));
                for (String variable : List.of("cluster=~\"$cluster\"", "namespace=~\"$namespace\"", "job=~\"$job\"")) {
                    if (!expr.contains(variable)) {
                        violations.add(expr + ": no " + variable);
                    }
                }
            }
        }
        assertEquals(List.of(), violations);
    }

    @Test
    void theDashboardHasTheMixinVariablesAndStatPanelsForTheHeadlineNumbers() throws IOException {
        JsonNode dashboard =
                DeployFiles.JSON.readTree(DeployFiles.deploy(DASHBOARD).toFile());
        List<String> variables = new ArrayList<>();
        dashboard
                .at("/templating/list")
                .forEach(v -> variables.add(v.path("name").asText()));
        assertEquals(List.of("datasource", "cluster", "namespace", "job"), variables);
        long stats = 0;
        for (JsonNode panel : dashboard.path("panels")) {
            if (panel.path("type").asText().equals("stat")) {
                stats++;
                assertEquals(
                        0,
                        panel.at("/gridPos/y").asInt(),
                        panel.path("title") + ": headline numbers go in the top row");
            }
        }
        assertTrue(stats >= 4, "stat panels: " + stats);
    }

    /** Each raw Tasker selector in {@code expr} that misses the view's label or the job. */
    private static List<String> clusterViewViolations(String expr, String job) {
        List<String> v = new ArrayList<>();
        Matcher m = RAW_SELECTOR.matcher(expr);
        while (m.find()) {
            if (!m.group(2).contains("tasker_view=\"cluster\"") || !m.group(2).contains(job)) {
                v.add(m.group() + ": select " + job
                        + " and tasker_view=\"cluster\", or the services' own series count too");
            }
        }
        return v;
    }
}
