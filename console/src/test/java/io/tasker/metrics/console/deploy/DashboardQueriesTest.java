package io.tasker.metrics.console.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tasker.metrics.console.EmbeddedConsole;
import io.tasker.metrics.console.web.Ui;
import io.tasker.metrics.testing.PrometheusConfig.ScrapeTarget;
import io.tasker.metrics.testing.PrometheusServerExtension;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every query of deploy/grafana/tasker-metrics.json, run against a real Prometheus that scrapes
 * a console running the demo workload (syncing every second), returns data. It also runs every
 * alert's expression, so that a renamed metric cannot leave an alert watching nothing.
 */
class DashboardQueriesTest {
    private static final long WAIT_MILLIS = 60_000;

    @RegisterExtension
    static final PrometheusServerExtension PROMETHEUS = new PrometheusServerExtension();
    @TempDir
    static Path exports;
    private static EmbeddedConsole console;

    @BeforeAll
    static void start() throws Exception {
        // Syncing every second, so that the sync-health gauges reach the cluster view within seconds.
        console = EmbeddedConsole.builder(exports).demo(true).env("TASKER_SYNC_INTERVAL", "1s").start();
        HttpResponse<String> export = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(console.url(Ui.API_EXPORT + "?format=json")))
                .header("Authorization", "Bearer " + console.token()).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, export.statusCode(), export.body());
        PROMETHEUS.scrape(ScrapeTarget.of("tasker-console", console.base().substring("http://".length())));
    }

    @AfterAll
    static void stop() {
        if (console != null) {
            console.close();
        }
    }

    @Test
    void everyPanelQueryReturnsData() throws IOException {
        JsonNode dashboard = DeployFiles.JSON.readTree(DeployFiles.deploy("grafana/tasker-metrics.json").toFile());
        Map<String, String> queries = new LinkedHashMap<>();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                queries.put(panel.path("title").asText() + " / " + target.path("refId").asText(), target.path("expr").asText());
            }
        }
        assertTrue(queries.size() >= 10, "panels: " + queries.keySet());
        assertAllReturnData(queries);
    }

    @Test
    void everyPanelAsksTheDashboardsDataSourceVariable() throws IOException {
        JsonNode dashboard = DeployFiles.JSON.readTree(DeployFiles.deploy("grafana/tasker-metrics.json").toFile());
        assertEquals("datasource", dashboard.at("/templating/list/0/type").asText(), "a data source variable");
        List<JsonNode> sources = dashboard.path("panels").findValues("datasource");
        assertTrue(sources.size() > dashboard.path("panels").size(), "panels and their targets name a data source");
        sources.forEach(ds -> assertEquals("${datasource}", ds.path("uid").asText(),
                "so that the dashboard works with whatever Prometheus data source it is imported next to"));
    }

    @Test
    void everyAlertExpressionSeesItsMetrics() throws IOException {
        JsonNode rule = DeployFiles.parseAll(Files.readString(DeployFiles.deploy("kubernetes/base/prometheusrule.yaml"))).get(0);
        Map<String, String> queries = new LinkedHashMap<>();
        for (JsonNode group : rule.path("spec").path("groups")) {
            for (JsonNode r : group.path("rules")) {
                // Kube-state-metrics series do not exist here; the console's own and the tasks' must.
                String expr = r.path("expr").asText().split("\\bor\\b")[0].split("\\band on\\b")[0];
                queries.put(r.path("alert").asText(), withoutThreshold(expr));
            }
        }
        queries.remove("TaskerMetricsExportJobFailed"); // kube-state-metrics only
        assertAllReturnData(queries);
    }

    /** The expression without its comparison, so that a quiet alert still has to find its series. */
    private static String withoutThreshold(String expr) {
        return expr.trim().replaceAll("\\s*>\\s*[0-9.]+\\s*\\)?\\s*$", expr.trim().startsWith("(") ? ")" : "");
    }

    private static void assertAllReturnData(Map<String, String> queries) {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        List<String> empty = new ArrayList<>(queries.keySet());
        while (!empty.isEmpty() && System.currentTimeMillis() < deadline) {
            empty.removeIf(name -> hasData(queries.get(name)));
            sleep();
        }
        assertEquals(List.of(), empty.stream().map(n -> n + ": " + queries.get(n)).toList(),
                "queries that returned no data within " + WAIT_MILLIS / 1000 + " s");
    }

    private static boolean hasData(String promql) {
        try {
            JsonNode answer = DeployFiles.JSON.readTree(PROMETHEUS.query(promql).body());
            assertEquals("success", answer.path("status").asText(), promql + " -> " + answer);
            return !answer.path("data").path("result").isEmpty();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
