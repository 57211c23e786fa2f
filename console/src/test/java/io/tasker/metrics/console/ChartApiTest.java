package io.tasker.metrics.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tasker.metrics.Histogram;
import io.tasker.metrics.ManualClock;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.console.web.Ui;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /api/series} and {@code /chart} over a history the test writes with a manual clock. */
class ChartApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ManualClock CLOCK = new ManualClock(Instant.parse("2026-03-01T12:00:00Z"));
    private static ConsoleFixture console;

    @BeforeAll
    static void history() {
        console = ConsoleFixture.builder()
                .clock(CLOCK)
                .env("TASKER_CONSOLE_HISTORY_SAMPLE_INTERVAL", "15s")
                .start();
        MetricRegistry registry = console.console().runtime().registry();
        Histogram durations = Histogram.builder("task_duration_seconds")
                .labelNames("task_name")
                .quantiles()
                .register(registry);
        console.sample(CLOCK, 12, i -> {
            registry.incrementCounter("task_executions_total", 3, "status", "success", "task_name", "payment");
            registry.setGauge("queue_depth", i, "queue", "default");
            registry.setGauge("queue_depth", 2 * i, "queue", "urgent");
            durations.labels("payment").observe(0.2);
        });
    }

    @AfterAll
    static void close() {
        console.close();
    }

    private static JsonNode series(String query) throws Exception {
        ConsoleFixture.Response r = console.get(Ui.API_SERIES + "?" + query, console.bearer());
        assertEquals(200, r.status(), r.body());
        assertTrue(r.contentType().startsWith("application/json"), r.contentType());
        return JSON.readTree(r.body());
    }

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void aCounterIsARatePerSecondThatNeverGoesNegative() throws Exception {
        JsonNode d = series("name=tasker_task_executions&window=15m");
        assertEquals("counter", d.get("type").asText());
        assertEquals(1, d.get("lines").size());
        JsonNode line = d.get("lines").get(0);
        assertEquals("rate", line.get("field").asText());
        assertEquals(
                "status=\"success\", task_name=\"payment\"", line.get("labels").asText());
        int rates = 0;
        for (JsonNode v : line.get("values")) {
            if (!v.isNull()) {
                assertEquals(3.0 / 15, v.asDouble(), 1e-9, "3 per 15 s sample");
                rates++;
            }
        }
        assertTrue(rates >= 10, "rates " + line);
        assertEquals(d.get("times").size(), line.get("values").size());
        long now = CLOCK.wallTimeMillis() / 1000;
        assertEquals(now - 900, d.get("from").asLong(), "the x-axis spans the window asked for");
        assertEquals(now, d.get("to").asLong());
        JsonNode week = series("name=tasker_task_executions&window=7d");
        assertEquals(now - 7 * 86_400, week.get("from").asLong(), "7 days, not the 3 minutes of history");
    }

    @Test
    void severalSeriesOverlaidAndHistogramsAsQuantilesAndRate() throws Exception {
        JsonNode gauges = series("name=tasker_queue_depth&window=1h");
        assertEquals(2, gauges.get("lines").size(), "both queues when no labels are given");
        String urgent = gauges.get("lines").get(1).get("labels").asText();
        assertTrue(urgent.contains("queue=\"urgent\""), urgent);
        JsonNode one = series("name=tasker_queue_depth&labels=" + q(urgent) + "&window=1h");
        assertEquals(1, one.get("lines").size());
        assertEquals(urgent, one.get("lines").get(0).get("labels").asText());
        JsonNode h = series("name=tasker_task_duration_seconds&window=6h");
        assertEquals("histogram", h.get("type").asText());
        assertEquals(4, h.get("lines").size());
        JsonNode p95 = h.get("lines").get(1);
        assertEquals("p95", p95.get("field").asText());
        assertEquals(false, p95.get("estimated").asBoolean(), "the histogram has a sketch");
    }

    @Test
    void theMetricTableDrawsALastHourSparklineLinkedToEachSeriesChart() {
        ConsoleFixture.Response page = console.get(Ui.DASHBOARD + "?name=task_executions");
        assertEquals(200, page.status(), page.body());
        assertTrue(page.body().contains("<svg class=\"spark\""), page.body());
        assertTrue(page.body().contains("href=\"/chart?name=tasker_task_executions&amp;labels="), page.body());
    }

    @Test
    void sampleNamesAsTheMetricTableShowsThemLeadToTheirFamily() throws Exception {
        for (String name : new String[] {"tasker_task_executions_total", "tasker_task_executions"}) {
            JsonNode d = series("name=" + name + "&window=15m");
            assertEquals("tasker_task_executions", d.get("name").asText(), name);
            assertEquals("counter", d.get("type").asText(), name);
        }
        for (String suffix : new String[] {"_bucket", "_count", "_sum"}) {
            JsonNode d = series("name=tasker_task_duration_seconds" + suffix + "&window=1h");
            assertEquals("tasker_task_duration_seconds", d.get("name").asText(), suffix);
            assertEquals("histogram", d.get("type").asText(), suffix);
        }
        ConsoleFixture.Response page = console.get(Ui.CHART_PAGE + "?name=tasker_task_executions_total&window=1h");
        assertEquals(200, page.status(), page.body());
        assertTrue(
                page.body().contains("data-series=\"/api/series?name=tasker_task_executions&amp;window=1h\""),
                page.body());
        // A suffix leads only to a family of its kind: a gauge has no _total, a counter no _sum.
        assertBad("name=tasker_queue_depth_total", "has no history");
        assertBad("name=tasker_task_executions_sum", "has no history");
    }

    @Test
    void badParametersAnswer400WithTheReason() {
        assertBad("", "name is missing");
        assertBad("name=tasker_queue_depth&window=2h", "15m, 1h, 6h, 24h, 7d, 90d");
        assertBad("name=no_such_metric", "has no history");
        assertBad("name=tasker_queue_depth&labels=" + q("queue=\"nope\""), "match no series");
        ConsoleFixture.Response page = console.get(Ui.CHART_PAGE + "?name=tasker_queue_depth&window=forever");
        assertEquals(400, page.status());
    }

    private static void assertBad(String query, String says) {
        ConsoleFixture.Response r = console.get(Ui.API_SERIES + "?" + query, console.bearer());
        assertEquals(400, r.status(), r.body());
        assertTrue(r.body().contains(says), r.body());
    }

    @Test
    void theChartPageLoadsUplotFromItsWebjarAndNoInlineScript() {
        ConsoleFixture.Response page = console.get(Ui.CHART_PAGE + "?name=tasker_queue_depth&window=1h");
        assertEquals(200, page.status(), page.body());
        assertTrue(page.body().contains("id=\"" + Ui.ID_CHART + "\""), page.body());
        assertTrue(
                page.body().contains("data-series=\"/api/series?name=tasker_queue_depth&amp;window=1h\""), page.body());
        assertTrue(page.body().contains("/webjars/uplot/1.6.30/dist/uPlot.iife.min.js"));
        assertTrue(!page.body().matches("(?s).*<script>.*"), "no inline script");
        assertEquals(
                200, console.get("/webjars/uplot/1.6.30/dist/uPlot.iife.min.js").status());
        assertEquals(200, console.get("/static/chart.js").status());
        ConsoleFixture.Response index = console.get(Ui.CHART_PAGE);
        assertTrue(index.body().contains("tasker_task_executions"), index.body());
    }
}
