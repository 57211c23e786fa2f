package io.tasker.metrics.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tasker.metrics.console.ConsoleFixture.Response;
import io.tasker.metrics.console.web.Ui;
import io.tasker.metrics.testing.PrometheusServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With {@code telemetry.prometheus.endpoint} set, "Export now" offers remote write, selects it
 * as the scheduler would, and a real Prometheus stores what the console pushed.
 */
class RemoteWriteExportTest {
    @RegisterExtension
    static final PrometheusServerExtension PROMETHEUS = new PrometheusServerExtension();

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void exportNowPushesTheClusterViewToPrometheus() throws Exception {
        try (ConsoleFixture console = ConsoleFixture.builder()
                .env("PROMETHEUS_ENDPOINT", PROMETHEUS.remoteWriteUrl())
                .start()) {
            console.console()
                    .runtime()
                    .registry()
                    .counter("jobs_total", "status")
                    .labels("success")
                    .inc(7);
            console.sync();

            String dashboard = console.get(Ui.DASHBOARD).body();
            assertTrue(dashboard.contains("<option value=\"remote_write\" selected>remote_write</option>"), dashboard);

            Response r = console.post(Ui.API_EXPORT, console.bearer());
            assertEquals(200, r.status(), r.body());
            JsonNode record = JSON.readTree(r.body());
            assertEquals("remote_write", record.path("format").asText());
            assertEquals(PROMETHEUS.remoteWriteUrl(), record.path("destination").asText());

            JsonNode stored = JSON.readTree(
                    PROMETHEUS.query("tasker_jobs_total{status=\"success\"}").body());
            assertEquals("7", stored.at("/data/result/0/value/1").asText(), stored.toString());
        }
    }

    @Test
    void withoutAnEndpointRemoteWriteIsNotOffered() {
        try (ConsoleFixture console = ConsoleFixture.start()) {
            assertTrue(!console.get(Ui.DASHBOARD).body().contains("remote_write"));
            Response r = console.post(Ui.API_EXPORT + "?format=remote_write", console.bearer());
            assertEquals(400, r.status(), r.body());
            assertTrue(r.body().contains("use one of [prometheus, openmetrics, json, csv]"), r.body());
        }
    }
}
