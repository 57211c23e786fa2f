package io.tasker.metrics.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tasker.metrics.ManualClock;
import io.tasker.metrics.console.service.Retention;
import io.tasker.metrics.console.web.Ui;
import io.tasker.metrics.export.ExportFormat;
import io.tasker.metrics.export.ExportHistory;
import io.tasker.metrics.export.ExportRecord;
import io.tasker.metrics.export.ExportTiming;
import io.tasker.metrics.export.ExportTrigger;
import io.tasker.metrics.runtime.TaskerRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The console keeps its history and the export files bounded, and says so on the health page. */
class RetentionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ManualClock clock = new ManualClock(Instant.parse("2026-06-01T12:00:00Z"));

    /** A console on H2 here, on PostgreSQL in the subclass that runs the tests there too. */
    ConsoleFixture.Builder builder() {
        return ConsoleFixture.builder();
    }

    @Test
    void oldHistoryRowsAndExportFilesArePrunedAndReported() throws Exception {
        try (ConsoleFixture console = builder()
                .clock(clock)
                .env("TASKER_CONSOLE_HISTORY_RETENTION", "30d")
                .env("TASKER_EXPORT_RETENTION", "7d")
                .start()) {
            TaskerRuntime runtime = console.console().runtime();
            ExportHistory shared = new ExportHistory(
                    runtime.store(), runtime.cluster().options().keys());
            shared.append(record(clock.instant().minus(Duration.ofDays(45)), "ancient"));
            shared.append(record(clock.instant().minus(Duration.ofDays(3)), "recent"));
            console.importHistory();
            Path old = Files.writeString(console.exportDir().resolve("tasker-metrics-20260501T000000Z.json"), "{}");
            Files.setLastModifiedTime(old, FileTime.from(clock.instant().minus(Duration.ofDays(10))));
            assertEquals(
                    200,
                    console.post(Ui.API_EXPORT + "?format=json", console.bearer())
                            .status());

            // The background tick's first prune may run before or after this one: the outcome is the same.
            Retention.Pruned pruned = console.console().applyRetention();

            assertEquals(clock.instant(), pruned.at());
            assertFalse(Files.exists(old));
            JsonNode retention =
                    JSON.readTree(console.get(Ui.HEALTH_STATUS).body()).path("retention");
            assertEquals(2, retention.path("history_rows").asInt(), retention.toString());
            assertEquals(30, retention.path("history_retention_days").asInt());
            assertEquals(1, retention.path("export_files").asInt(), "the export just made stays");
            assertEquals(7, retention.path("export_retention_days").asInt());
            assertEquals(
                    clock.instant().toString(),
                    retention.path("last_prune").path("at").asText());
            assertFalse(console.get(Ui.API_EXPORTS).body().contains("ancient"));
            String page = console.get(Ui.HEALTH_PAGE).body();
            assertTrue(page.contains("2 exports, the oldest from") && page.contains("kept 30 days"), page);
            assertTrue(page.contains("files deleted"), page);
        }
    }

    private static ExportRecord record(Instant at, String instance) {
        return ExportRecord.succeeded(
                new ExportRecord.Start(
                        at, ExportFormat.JSON, "/x", ExportTrigger.CLI, instance, 1, ExportTiming.Reason.ON_DEMAND),
                1,
                1,
                1,
                1);
    }
}
