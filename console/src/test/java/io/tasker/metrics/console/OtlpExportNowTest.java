package io.tasker.metrics.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tasker.metrics.console.ConsoleFixture.Response;
import io.tasker.metrics.console.web.Ui;
import io.tasker.metrics.testing.otlp.OtlpReceiver;
import org.junit.jupiter.api.Test;

/**
 * With an OTLP receiver configured by the standard variable, "Export now" offers {@code otlp}, and
 * the receiver decodes the cluster view; the export is in the history like any other.
 */
class OtlpExportNowTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void exportNowSendsTheClusterViewAsOtlpMetrics() throws Exception {
        try (OtlpReceiver receiver = OtlpReceiver.start();
                ConsoleFixture console = ConsoleFixture.builder()
                        .env("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.baseUrl())
                        .env("OTEL_SERVICE_NAME", "ops-console")
                        .start()) {
            console.console()
                    .runtime()
                    .registry()
                    .counter("jobs_total", "status")
                    .labels("success")
                    .inc(7);
            console.sync();
            assertTrue(console.get(Ui.DASHBOARD).body().contains("<option value=\"otlp\""), "offered");

            Response r = console.post(Ui.API_EXPORT + "?format=otlp", console.bearer());
            assertEquals(200, r.status(), r.body());
            JsonNode record = JSON.readTree(r.body());
            assertEquals("otlp", record.path("format").asText());
            assertEquals(
                    receiver.baseUrl() + "/v1/metrics",
                    record.path("destination").asText());
            double jobs = receiver.metrics().stream()
                    .filter(m -> m.metric().getName().equals("tasker_jobs"))
                    .flatMap(m -> m.metric().getSum().getDataPointsList().stream())
                    .mapToDouble(p -> p.getAsDouble())
                    .sum();
            assertEquals(7.0, jobs);
            assertEquals(
                    "ops-console",
                    receiver.metrics().get(0).resource().getResource().getAttributesList().stream()
                            .filter(a -> a.getKey().equals("service.name"))
                            .findFirst()
                            .orElseThrow()
                            .getValue()
                            .getStringValue());
        }
    }
}
