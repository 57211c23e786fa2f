package io.tasker.metrics.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tasker.metrics.ManualClock;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.console.web.Ui;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /api/tasks}, {@code /tasks}, the error-rate banner and {@code tasker_console_alert_firing}. */
class TasksApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ManualClock CLOCK = new ManualClock(Instant.parse("2026-03-01T12:00:00Z"));
    private static ConsoleFixture console;

    @BeforeAll
    static void history() {
        console = ConsoleFixture.builder().clock(CLOCK).start();
        MetricRegistry registry = console.console().runtime().registry();
        console.sample(CLOCK, 8, i -> {
            registry.incrementCounter("task_executions_total", 10, "status", "success", "task_name", "payment");
            registry.incrementCounter("task_executions_total", 5, "status", "success", "task_name", "refund");
            registry.incrementCounter("task_executions_total", 3, "status", "failure", "task_name", "refund");
            for (int k = 0; k < 10; k++) {
                // The console's own histogram (its events subscriber defines it), with quantile sketches.
                registry.observeHistogram("task_duration_seconds", 0.5, "task_name", "payment");
            }
        });
    }

    @AfterAll
    static void close() {
        console.close();
    }

    private static JsonNode tasks(String query) throws Exception {
        ConsoleFixture.Response r = console.get(Ui.API_TASKS + query, console.bearer());
        assertEquals(200, r.status(), r.body());
        return JSON.readTree(r.body());
    }

    @Test
    void oneRowPerTaskWithExecutionsFailuresErrorRateAndQuantiles() throws Exception {
        JsonNode d = tasks("?window=5m");
        assertEquals("5m", d.get("window").asText());
        assertEquals(0.05, d.get("threshold").asDouble());
        JsonNode payment = d.get("tasks").get(0);
        JsonNode refund = d.get("tasks").get(1);
        assertEquals("payment", payment.get("task").asText());
        // The first sample has no increase; seven more of 10 each.
        assertEquals(70, payment.get("executions").asLong());
        assertEquals(0, payment.get("failures").asLong());
        assertEquals(false, payment.get("over").asBoolean());
        assertEquals("sketch", payment.get("quantiles").asText());
        assertEquals(0.5, payment.get("p50").asDouble(), 0.01);
        assertEquals(56, refund.get("executions").asLong());
        assertEquals(21, refund.get("failures").asLong());
        assertEquals(3.0 / 8, refund.get("errorRate").asDouble(), 1e-9);
        assertEquals(true, refund.get("over").asBoolean());
        assertEquals(
                "refund",
                tasks("?window=1h&sort=error_rate&dir=desc")
                        .get("tasks")
                        .get(0)
                        .get("task")
                        .asText());
    }

    @Test
    void aTaskOverTheThresholdRaisesTheBannerAndTheAlertMetric() {
        ConsoleFixture.Response banner = console.get(Ui.ALERTS_FRAGMENT);
        assertTrue(
                banner.body()
                        .contains(
                                "Task <code class=\"alert-name\">&ldquo;refund&rdquo;</code> fails 37.5% of its executions"),
                banner.body());
        ConsoleFixture.Response page = console.get(Ui.TASKS_PAGE + "?window=5m");
        assertEquals(200, page.status());
        assertTrue(page.body().contains("class=\"task-row over\" data-task=\"refund\""), page.body());
        console.sync();
        String metrics = console.get(Ui.METRICS).body();
        assertTrue(
                metrics.matches("(?s).*tasker_console_alert_firing\\{alert=\"task_error_rate\"[^}]*} 1(\\.0)?\\n.*"),
                metrics);
    }

    @Test
    void theDashboardShowsHeadlineFiguresWithSparklinesLinkedToTheirCharts() {
        String page = console.get(Ui.DASHBOARD).body();
        assertTrue(page.contains("id=\"" + Ui.ID_HEADLINES + "\""), page);
        // 126 executions in the last 5 minutes (the first sample has no increase): 25.2 a minute.
        assertTrue(
                page.matches(
                        "(?s).*id=\"headline-executions\" href=\"/chart\\?name=tasker_task_executions&amp;window=1h\">"
                                + "\\s*<span class=\"muted\">Task executions / min</span>\\s*<strong>25.2</strong>\\s*<svg class=\"spark\".*"),
                page);
        assertTrue(page.matches("(?s).*id=\"headline-error-rate\".*<strong>16.7%</strong>.*"), page);
    }

    @Test
    void badParametersAnswer400WithTheReason() {
        assertBad(Ui.API_TASKS + "?window=2d", "5m, 1h, 24h");
        assertBad(
                Ui.API_TASKS + "?sort=speed",
                "name, executions, successes, failures, error_rate, p50, p95, p99, last_failure");
        assertBad(Ui.TASKS_PAGE + "?dir=up", "neither asc nor desc");
    }

    private static void assertBad(String path, String says) {
        ConsoleFixture.Response r = console.get(path, console.bearer());
        assertEquals(400, r.status(), r.body());
        assertTrue(r.body().contains(says), r.body());
    }
}
