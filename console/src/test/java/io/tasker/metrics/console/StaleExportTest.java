package io.tasker.metrics.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tasker.metrics.ManualClock;
import io.tasker.metrics.console.web.Ui;
import io.tasker.metrics.export.ExportFormat;
import io.tasker.metrics.export.ExportHistory;
import io.tasker.metrics.export.ExportRecord;
import io.tasker.metrics.export.ExportTiming;
import io.tasker.metrics.export.ExportTrigger;
import io.tasker.metrics.testing.TempDirs;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The stale-export alert: none yet, fresh after "Export now", stale again 16 minutes later. */
class StaleExportTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T10:00:00Z"));
    private ConsoleFixture console;

    @BeforeEach
    void start() {
        console = ConsoleFixture.builder().clock(clock).start();
    }

    @AfterEach
    void stop() {
        console.close();
    }

    @Test
    void staleUntilTheFirstExportThenFreshThenStaleAgain() throws Exception {
        assertTrue(status().path("export_stale").asBoolean());
        String banner = banner(Ui.DASHBOARD);
        assertTrue(banner.contains("Exports are stale."), banner);
        assertTrue(banner.contains("No export has succeeded yet"), banner);

        assertEquals(
                200,
                console.post(Ui.API_EXPORT + "?format=json", console.bearer()).status());
        JsonNode fresh = status();
        assertFalse(fresh.path("export_stale").asBoolean(), fresh.toString());
        assertEquals(
                "2026-03-01T10:00:00Z", fresh.path("last_successful_export").asText());
        String hidden = banner(Ui.DASHBOARD);
        assertFalse(hidden.contains("Exports are stale."), hidden);
        assertTrue(hidden.contains("banner hidden"), hidden);

        clock.advance(Duration.ofMinutes(15));
        assertFalse(status().path("export_stale").asBoolean(), "15 minutes is still within the threshold");

        clock.advance(Duration.ofMinutes(1));
        assertTrue(status().path("export_stale").asBoolean());
        assertEquals("degraded", status().path("status").asText());
        for (String page : new String[] {Ui.DASHBOARD, Ui.EXPORTS_PAGE, Ui.HEALTH_PAGE}) {
            String again = banner(page);
            assertTrue(again.contains("Exports are stale."), page + ": " + again);
            assertTrue(again.contains("16 min ago"), page + ": " + again);
        }
    }

    @Test
    void aFailedExportDoesNotMakeExportsFresh() throws Exception {
        breakExportDirectory();
        ConsoleFixture.Response r = console.post(Ui.API_EXPORT + "?format=json", console.bearer());
        assertEquals(502, r.status(), r.body());
        assertEquals("FAILED", JSON.readTree(r.body()).path("outcome").asText());
        JsonNode s = status();
        assertTrue(s.path("export_stale").asBoolean());
        assertEquals("failed", s.path("last_export_outcome").asText());
    }

    @Test
    void prometheusCanAlertOnTheSameFacts() throws Exception {
        assertEquals(
                200,
                console.post(Ui.API_EXPORT + "?format=csv", console.bearer()).status());
        console.sync();
        String text = console.get(Ui.METRICS).body();
        assertEquals(
                clock.instant().getEpochSecond(),
                value(text, "tasker_metrics_last_export_success_timestamp_seconds"),
                text);
        assertEquals(0, value(text, "tasker_metrics_export_failures_total"), text);

        clock.advance(Duration.ofMinutes(1));
        breakExportDirectory();
        assertEquals(
                502,
                console.post(Ui.API_EXPORT + "?format=csv", console.bearer()).status());
        console.sync();
        String after = console.get(Ui.METRICS).body();
        assertEquals(1, value(after, "tasker_metrics_export_failures_total"), after);
        assertEquals(
                clock.instant().minusSeconds(60).getEpochSecond(),
                value(after, "tasker_metrics_last_export_success_timestamp_seconds"),
                "a failure leaves it");
    }

    @Test
    void aSuccessDatedInTheFutureSilencesNothing() throws Exception {
        var runtime = console.console().runtime();
        new ExportHistory(runtime.store(), runtime.cluster().options().keys())
                .append(ExportRecord.succeeded(
                        new ExportRecord.Start(
                                clock.instant().plus(Duration.ofDays(3650)),
                                ExportFormat.JSON,
                                "/x",
                                ExportTrigger.CLI,
                                "skewed",
                                1,
                                ExportTiming.Reason.ON_DEMAND),
                        1,
                        1,
                        1,
                        1));
        console.importHistory();
        assertTrue(status().path("export_stale").asBoolean(), "the future record does not make exports fresh");
        console.sync();
        String text = console.get(Ui.METRICS).body();
        assertFalse(text.contains("tasker_metrics_last_export_success_timestamp_seconds 2"), text);
        assertEquals(
                1,
                JSON.readTree(console.get(Ui.API_EXPORTS).body()).path("total").asInt(),
                "it is kept in the history all the same");

        assertEquals(
                200,
                console.post(Ui.API_EXPORT + "?format=csv", console.bearer()).status());
        assertFalse(status().path("export_stale").asBoolean(), "a real export counts");
        clock.advance(Duration.ofMinutes(16));
        assertTrue(status().path("export_stale").asBoolean(), "and ages as usual");
    }

    /** Makes the export directory a file, so that an export cannot write into it. */
    private void breakExportDirectory() throws Exception {
        TempDirs.delete(console.exportDir());
        Files.writeString(console.exportDir(), "not a directory");
    }

    /** The value of the first sample of {@code name} in Prometheus text. */
    private static double value(String text, String name) {
        return text.lines()
                .filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .findFirst()
                .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .orElseThrow(() -> new AssertionError(name + " is not in:\n" + text));
    }

    private JsonNode status() throws Exception {
        return JSON.readTree(console.get(Ui.HEALTH_STATUS).body());
    }

    private String banner(String page) {
        return Texts.staleBanner(console.get(page).body());
    }
}
