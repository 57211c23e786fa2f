package io.tasker.metrics.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tasker.metrics.console.web.Ui;
import io.tasker.metrics.testing.otlp.OtlpReceiver;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo's metrics arrive through events, and the health report counts each subscriber's events. */
class EventsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theDemosTaskAndStepMetricsComeThroughTheMetricsSubscriber() throws Exception {
        try (ConsoleFixture console = ConsoleFixture.builder().demo().start()) {
            String metrics = console.get(Ui.API_METRICS + "?scope=instance").body();
            for (String name : List.of(
                    "tasker_task_executions_total",
                    "tasker_task_duration_seconds",
                    "tasker_step_executions_total",
                    "tasker_step_duration_seconds",
                    "tasker_queue_depth")) {
                assertTrue(
                        metrics.contains(name),
                        name + " missing from " + metrics.substring(0, Math.min(500, metrics.length())));
            }
            JsonNode subscribers =
                    JSON.readTree(console.get(Ui.HEALTH_STATUS).body()).path("event_subscribers");
            assertEquals(2, subscribers.size(), "metrics, and the recent runs of the Task runs page: " + subscribers);
            assertEquals("runs", subscribers.get(1).path("subscriber").asText());
            JsonNode metricsSubscriber = subscribers.get(0);
            assertEquals("metrics", metricsSubscriber.path("subscriber").asText());
            assertTrue(metricsSubscriber.path("handled").asLong() > 0, subscribers.toString());
            assertEquals(0, metricsSubscriber.path("dropped").asLong());
            assertEquals(0, metricsSubscriber.path("errors").asLong());
            String page = console.get(Ui.HEALTH_PAGE).body();
            assertTrue(
                    page.contains("id=\"" + Ui.ID_EVENT_SUBSCRIBERS + "\"") && page.contains("<td>metrics</td>"), page);
        }
    }

    @Test
    void theHealthReportCountsWhatBecameOfTheSpans() throws Exception {
        try (OtlpReceiver receiver = OtlpReceiver.start();
                ConsoleFixture console = ConsoleFixture.builder()
                        .demo()
                        .env("TASKER_TELEMETRY_ENABLED", "true")
                        .env("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.baseUrl())
                        .env("OTEL_BSP_SCHEDULE_DELAY", "50")
                        .start()) {
            receiver.awaitSpans(s -> s.size() > 10, Duration.ofSeconds(20));
            JsonNode telemetry =
                    JSON.readTree(console.get(Ui.HEALTH_STATUS).body()).path("telemetry");
            assertTrue(telemetry.path("spans_ended").asLong() > 0, telemetry.toString());
            assertTrue(telemetry.path("spans_exported").asLong() > 0, telemetry.toString());
            assertEquals(0, telemetry.path("spans_dropped_export_failed").asLong(), telemetry.toString());
            String page = console.get(Ui.HEALTH_PAGE).body();
            assertTrue(page.contains("id=\"" + Ui.ID_TELEMETRY + "\""), page);
        }
    }
}
