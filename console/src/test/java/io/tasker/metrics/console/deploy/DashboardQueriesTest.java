package io.tasker.metrics.console.deploy;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tasker.metrics.console.EmbeddedConsole;
import io.tasker.metrics.console.web.Ui;
import io.tasker.metrics.testing.Http;
import io.tasker.metrics.testing.PrometheusConfig.ScrapeTarget;
import io.tasker.metrics.testing.PrometheusServerExtension;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mixin as rendered, against a real Prometheus that loads its recording rules and alerts and
 * scrapes two consoles running the demo workload (syncing every second), each as the console of
 * its own namespace (one job, a `namespace` label per target, as Kubernetes discovery gives):
 * every query of deploy/grafana/tasker-metrics.json returns data in each namespace, each
 * namespace's panels show only its own tasks and add up to both, and every alert's expression
 * sees its series, so that a renamed metric or recording rule cannot leave a panel or an alert
 * watching nothing.
 */
class DashboardQueriesTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String JOB = "tasker-console";
    /** Each console's namespace, and a task only it runs. */
    private static final Map<String, String> NAMESPACES = Map.of("tasker-a", "only_in_a", "tasker-b", "only_in_b");

    @RegisterExtension
    static final PrometheusServerExtension PROMETHEUS =
            new PrometheusServerExtension().ruleFiles(DeployFiles.deploy(AlertRulesTest.RULES));

    @TempDir
    static Path exports;

    private static final List<EmbeddedConsole> CONSOLES = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        List<ScrapeTarget> targets = new ArrayList<>();
        for (Map.Entry<String, String> namespace : new TreeMap<>(NAMESPACES).entrySet()) {
            // Syncing every second, so that the sync-health gauges reach the cluster view within seconds.
            EmbeddedConsole console = EmbeddedConsole.builder(exports.resolve(namespace.getKey()))
                    .demo(true)
                    .env("TASKER_SYNC_INTERVAL", "1s")
                    .start();
            CONSOLES.add(console);
            console.console()
                    .runtime()
                    .registry()
                    .incrementCounter(
                            "task_executions_total", 1, "status", "success", "task_name", namespace.getValue());
            HttpResponse<String> export = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(console.url(Ui.API_EXPORT + "?format=json")))
                                    .header("Authorization", "Bearer " + console.token())
                                    .POST(HttpRequest.BodyPublishers.noBody())
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(200, export.statusCode(), export.body());
            targets.add(ScrapeTarget.of(JOB, console.base().substring("http://".length()))
                    .withLabels(Map.of("namespace", namespace.getKey())));
        }
        PROMETHEUS.scrape(targets.toArray(ScrapeTarget[]::new));
    }

    @AfterAll
    static void stop() {
        CONSOLES.forEach(EmbeddedConsole::close);
    }

    @Test
    void everyPanelQueryReturnsDataInEachNamespaceAndOnlyThatNamespaces() throws IOException {
        Map<String, String> panels = panelQueries();
        assertTrue(panels.size() >= 15, "panels: " + panels.keySet());
        for (String namespace : NAMESPACES.keySet()) {
            Map<String, String> queries = new LinkedHashMap<>();
            panels.forEach((name, expr) -> queries.put(namespace + " " + name, chosen(expr, namespace)));
            assertAllReturnData(queries);
            queries.forEach((name, promql) -> result(promql, null).forEach(series -> {
                String seen = series.path("metric").path("namespace").asText(namespace);
                assertEquals(namespace, seen, name + " shows another namespace's series: " + series);
            }));
        }
    }

    @Test
    void eachNamespaceShowsItsOwnTasksAndTheStatPanelsAddUp() throws IOException {
        Map<String, String> panels = panelQueries();
        String throughput = panels.get("Task throughput / A");
        for (Map.Entry<String, String> namespace : NAMESPACES.entrySet()) {
            Set<String> tasks = new TreeSet<>();
            assertAllReturnData(Map.of(
                    "own task",
                    chosen(throughput, namespace.getKey()) + " and on (task_name) "
                            + "label_replace(vector(1), \"task_name\", \"" + namespace.getValue() + "\", \"\", \"\")"));
            result(chosen(throughput, namespace.getKey()), null)
                    .forEach(s -> tasks.add(s.path("metric").path("task_name").asText()));
            NAMESPACES
                    .values()
                    .forEach(own -> assertEquals(
                            own.equals(namespace.getValue()),
                            tasks.contains(own),
                            namespace.getKey() + " shows " + tasks));
        }
        // At one instant, each headline number that is a sum is the sum of the two namespaces'.
        List<String> sums = List.of("Task executions / A", "Tasks waiting / A", "Failed syncs (15m) / A");
        Map<String, String> present = new LinkedHashMap<>();
        sums.forEach(stat ->
                NAMESPACES.keySet().forEach(n -> present.put(n + " " + stat, chosen(panels.get(stat), n))));
        assertAllReturnData(present);
        // An instant every scrape has passed, so that no sample at or before it is still to come.
        double now = System.currentTimeMillis() / 1000.0;
        await().alias("every target scraped after " + now)
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> result("min(timestamp(up))", null)
                                .path(0)
                                .path("value")
                                .path(1)
                                .asDouble()
                        > now);
        String at = String.valueOf(now);
        for (String stat : sums) {
            double both = value(chosen(panels.get(stat), "tasker-a|tasker-b"), at);
            double sum =
                    value(chosen(panels.get(stat), "tasker-a"), at) + value(chosen(panels.get(stat), "tasker-b"), at);
            assertEquals(sum, both, 1e-9 * Math.max(1, Math.abs(sum)), stat);
        }
    }

    @Test
    void everyAlertAndRecordingRuleSeesItsSeriesInEachNamespace() throws IOException {
        JsonNode groups = DeployFiles.YAML
                .readTree(DeployFiles.deploy(AlertRulesTest.RULES).toFile())
                .path("groups");
        Map<String, String> queries = new LinkedHashMap<>();
        for (JsonNode group : groups) {
            for (JsonNode r : group.path("rules")) {
                if (r.has("record")) {
                    for (String namespace : NAMESPACES.keySet()) {
                        queries.put(
                                r.path("record").asText() + " " + r.path("labels") + " in " + namespace,
                                r.path("record").asText() + "{namespace=\"" + namespace + "\"}");
                    }
                } else if (!r.path("alert")
                        .asText()
                        .equals("TaskerMetricsExportJobFailed")) { // kube-state-metrics only
                    // Kube-state-metrics series do not exist here; the console's own and the tasks' must.
                    String expr = r.path("expr").asText().split("\\bor\\b")[0].split("\\band on\\b")[0];
                    queries.put(r.path("alert").asText(), withoutThreshold(expr));
                }
            }
        }
        assertAllReturnData(queries);
    }

    @Test
    void everyPanelAsksTheDashboardsDataSourceVariable() throws IOException {
        JsonNode dashboard = DeployFiles.JSON.readTree(
                DeployFiles.deploy(MixinTest.DASHBOARD).toFile());
        assertEquals("datasource", dashboard.at("/templating/list/0/type").asText(), "a data source variable");
        List<JsonNode> sources = dashboard.path("panels").findValues("datasource");
        assertTrue(sources.size() > dashboard.path("panels").size(), "panels and their targets name a data source");
        sources.forEach(ds -> assertEquals(
                "${datasource}",
                ds.path("uid").asText(),
                "so that the dashboard works with whatever Prometheus data source it is imported next to"));
    }

    private static Map<String, String> panelQueries() throws IOException {
        JsonNode dashboard = DeployFiles.JSON.readTree(
                DeployFiles.deploy(MixinTest.DASHBOARD).toFile());
        Map<String, String> queries = new LinkedHashMap<>();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                queries.put(
                        panel.path("title").asText() + " / "
                                + target.path("refId").asText(),
                        target.path("expr").asText());
            }
        }
        return queries;
    }

    /** The query as Grafana sends it with this namespace chosen, every cluster, the console's job. */
    private static String chosen(String expr, String namespace) {
        return expr.replace("$cluster", ".*")
                .replace("$namespace", namespace)
                .replace("$job", JOB)
                .replace("$__rate_interval", "1m");
    }

    /** The expression without its comparison, so that a quiet alert still has to find its series. */
    private static String withoutThreshold(String expr) {
        String trimmed = expr.trim();
        return trimmed.replaceAll("\\s*[<>]\\s*[0-9.]+\\s*\\)?\\s*$", trimmed.startsWith("(") ? ")" : "");
    }

    private static void assertAllReturnData(Map<String, String> queries) {
        List<String> empty = new ArrayList<>(queries.keySet());
        await().atMost(WAIT)
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    empty.removeIf(name -> !result(queries.get(name), null).isEmpty());
                    assertEquals(
                            List.of(),
                            empty.stream().map(n -> n + ": " + queries.get(n)).toList(),
                            "queries that returned no data within " + WAIT.toSeconds() + " s");
                });
    }

    private static double value(String promql, String time) {
        JsonNode result = result(promql, time);
        assertEquals(1, result.size(), promql + " -> " + result);
        return Double.parseDouble(result.get(0).path("value").get(1).asText());
    }

    /** An instant query's result, at {@code time} (Unix seconds) or now. */
    private static JsonNode result(String promql, String time) {
        String url = PROMETHEUS.url() + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)
                + (time == null ? "" : "&time=" + time);
        try {
            JsonNode answer = DeployFiles.JSON.readTree(Http.getUnchecked(url).body());
            assertEquals("success", answer.path("status").asText(), promql + " -> " + answer);
            return answer.path("data").path("result");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
