package io.tasker.metrics.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.console.ConsoleFixture.Response;
import io.tasker.metrics.console.web.Ui;
import io.tasker.metrics.testing.Promtool;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code GET /metrics} for Prometheus and {@code GET /api/metrics} for people and scripts. */
class MetricsEndpointTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static ConsoleFixture console;

    @BeforeAll
    static void start() {
        console = ConsoleFixture.start();
        MetricRegistry registry = console.console().runtime().registry();
        registry.counter("jobs_total", "status").labels("success").inc(3);
        registry.histogram("job_duration_seconds").labels().observe(0.25);
        console.sync();
        // Recorded after the sync: this instance has it, the cluster view not yet.
        registry.counter("late_total").labels().inc();
    }

    @AfterAll
    static void stop() {
        console.close();
    }

    @Test
    void metricsIsPrometheusTextThatPromtoolAccepts() {
        Response r = console.get(Ui.METRICS);
        assertEquals(200, r.status());
        assertEquals("text/plain; version=0.0.4; charset=utf-8", r.contentType());
        assertTrue(r.body().contains("tasker_jobs_total{status=\"success\",tasker_view=\"cluster\"} 3"), r.body());
        assertTrue(r.body().contains("tasker_job_duration_seconds_bucket{"), r.body());
        assertFalse(r.body().contains("# EOF"), "Prometheus text 0.0.4 has no EOF marker");
        Promtool.assertValid(r.body());
    }

    @Test
    void metricsIsOpenMetricsWhenAsked() {
        Response r = console.get(
                Ui.METRICS,
                "Accept",
                "application/openmetrics-text;version=1.0.0;q=0.9,text/plain;version=0.0.4;q=0.5");
        assertEquals(200, r.status());
        assertTrue(r.contentType().startsWith("application/openmetrics-text; version=1.0.0"), r.contentType());
        assertTrue(r.body().endsWith("# EOF\n"), r.body());
        assertTrue(r.body().contains("tasker_jobs_total{status=\"success\",tasker_view=\"cluster\"} 3"), r.body());
    }

    @Test
    void everySeriesOfMetricsIsMarkedAsTheClusterView() {
        // A Prometheus that also scrapes the services' own instance metrics tells the two apart by
        // it; the mixin's queries select it (deploy/, docs/operations.md).
        for (String accept : new String[] {"text/plain", "application/openmetrics-text"}) {
            String body = console.get(Ui.METRICS, "Accept", accept).body();
            List<String> samples =
                    body.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
            assertTrue(samples.size() > 10, body);
            samples.forEach(l -> assertTrue(l.contains("tasker_view=\"cluster\""), accept + ": " + l));
        }
        assertTrue(
                console.get(Ui.METRICS)
                        .body()
                        .lines()
                        .anyMatch(l -> l.startsWith("tasker_job_duration_seconds_bucket{")
                                && l.contains("tasker_view=\"cluster\"")),
                "histograms too");
        assertFalse(console.get(Ui.API_METRICS).body().contains("tasker_view"), "the JSON view is the view as it is");
    }

    @Test
    void aMalformedAcceptHeaderGetsPrometheusText() {
        for (String accept : new String[] {";", ",,,;;;", "text/plain,;"}) {
            Response r = console.get(Ui.METRICS, "Accept", accept);
            assertEquals(200, r.status(), accept + ": " + r.body());
            assertEquals("text/plain; version=0.0.4; charset=utf-8", r.contentType());
        }
    }

    @Test
    void apiMetricsIsTheClusterViewAsJson() throws Exception {
        Response r = console.get(Ui.API_METRICS);
        assertEquals(200, r.status());
        assertEquals("application/json;charset=utf-8", r.contentType().replace(" ", ""));
        JsonNode metrics = JSON.readTree(r.body()).path("metrics");
        JsonNode jobs = metrics.path("counters").path("tasker_jobs_total");
        assertEquals(1, jobs.size(), r.body());
        assertEquals(3.0, jobs.get(0).path("value").asDouble());
        assertEquals("success", jobs.get(0).path("labels").path("status").asText(), r.body());
        assertEquals(
                1,
                metrics.path("histograms")
                        .path("tasker_job_duration_seconds")
                        .get(0)
                        .path("count")
                        .asInt());
        assertTrue(
                metrics.path("counters").path("tasker_late_total").isMissingNode(),
                "not synced yet, so not in the cluster view");
    }

    @Test
    void apiMetricsScopeInstanceIsThisConsolesOwnRegistry() throws Exception {
        Response r = console.get(Ui.API_METRICS + "?scope=instance");
        assertEquals(200, r.status());
        JsonNode counters = JSON.readTree(r.body()).path("metrics").path("counters");
        assertEquals(
                1.0, counters.path("tasker_late_total").get(0).path("value").asDouble(), r.body());
        assertEquals(
                3.0, counters.path("tasker_jobs_total").get(0).path("value").asDouble());
    }
}
