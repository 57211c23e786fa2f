package io.tasker.metrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.Clock;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.cli.CliProcess.Run;
import io.tasker.metrics.export.ExportFormat;
import io.tasker.metrics.export.ExportHistory;
import io.tasker.metrics.export.ExportRecord;
import io.tasker.metrics.export.ExportTiming;
import io.tasker.metrics.export.ExportTrigger;
import io.tasker.metrics.store.CacheStore;
import io.tasker.metrics.store.redis.RedisStore;
import io.tasker.metrics.sync.ClusterSync;
import io.tasker.metrics.sync.SyncOptions;
import io.tasker.metrics.sync.SyncStrategy;
import io.tasker.metrics.testing.RedisServerExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A main export CronJob and its backup on an offset schedule, as separate {@code tasker-metrics}
 * processes against a real Redis: the backup exports only when the shared history holds no
 * successful export of the window, and {@code --force} overrides.
 */
class BackupExportTest {
    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    @TempDir
    Path dir;

    private String namespace;
    private Path exports;

    @BeforeEach
    void instanceSyncs() throws IOException {
        namespace = "backup" + UUID.randomUUID().toString().substring(0, 8);
        exports = dir.resolve("exports");
        MetricRegistry registry = new MetricRegistry();
        registry.incrementCounter("task_executions_total", 42, "status", "success", "task_name", "payment_processing");
        try (CacheStore store = store()) {
            assertTrue(new ClusterSync(
                            store,
                            SyncOptions.defaults("web-1").withNamespace(namespace),
                            Clock.SYSTEM,
                            registry::snapshot)
                    .sync(SyncStrategy.DISTRIBUTED_ATOMIC)
                    .success());
        }
    }

    @Test
    void eightRacingExportJobsExportOnceAndALateBackupSkips() throws Exception {
        Path config = config(exports, 3);
        // The measured defect: of eight at once, a late starter took the lock after the first had
        // finished and exported the window a second time.
        List<Run> runs = CliProcess.race(config, 8, "export");
        runs.forEach(r -> assertEquals(0, r.code(), r.output()));
        assertEquals(
                1, runs.stream().filter(r -> r.output().contains("Exported ")).count(), runs.toString());
        assertEquals(
                7,
                runs.stream()
                        .filter(r -> r.output().contains("Export skipped: "))
                        .count(),
                runs.toString());
        // The other measured defect: a second run seconds later exported the same window again.
        Run late = CliProcess.finish(CliProcess.start(config, "export"));
        assertEquals(0, late.code(), late.output());
        assertTrue(late.output().contains("Export skipped: this window is exported already (json at "), late.output());
        assertTrue(late.output().contains("--force exports anyway"), late.output());
        assertEquals(1, files(), "one file for the window");
        assertEquals(1, successes());
    }

    @Test
    void theBackupExportsWhenThePrimaryFailed() throws Exception {
        Path blocked = dir.resolve("not-a-directory");
        Files.writeString(blocked, "a file where the export directory should be");
        Run primary = CliProcess.finish(CliProcess.start(config(blocked.resolve("exports"), 0), "export"));
        assertEquals(1, primary.code(), primary.output());
        Run backup = CliProcess.finish(CliProcess.start(config(exports, 3), "export"));
        assertEquals(0, backup.code(), backup.output());
        assertTrue(backup.output().contains("Exported 1 series"), backup.output());
        assertEquals(1, files());
        List<ExportRecord> history = withHistory(ExportHistory::list);
        assertEquals(
                List.of(ExportRecord.Outcome.SUCCESS, ExportRecord.Outcome.FAILED),
                history.stream().map(ExportRecord::outcome).toList());
    }

    @Test
    void theBackupExportsWhenThePrimaryNeverRan() throws Exception {
        Run backup = CliProcess.finish(CliProcess.start(config(exports, 3), "export"));
        assertEquals(0, backup.code(), backup.output());
        assertTrue(backup.output().contains("Exported 1 series"), backup.output());
        assertEquals(1, files());
    }

    @Test
    void anExportOfThePreviousWindowDoesNotCountAndForceOverrides() throws Exception {
        // The main run five minutes ago: older than the window less its tolerance.
        ExportRecord earlier = ExportRecord.succeeded(
                new ExportRecord.Start(
                        Instant.now().minus(Duration.ofMinutes(5)),
                        ExportFormat.JSON,
                        "earlier.json",
                        ExportTrigger.CLI,
                        "cron-1",
                        7,
                        ExportTiming.Reason.OPTIMAL_TIMING),
                1,
                100,
                10,
                1);
        withHistory(h -> {
            h.append(earlier);
            return null;
        });
        Path config = config(exports, 3);
        Run next = CliProcess.finish(CliProcess.start(config, "export"));
        assertTrue(next.output().contains("Exported 1 series"), next.output());
        Run forced = CliProcess.finish(CliProcess.start(config, "export", "--force"));
        assertEquals(0, forced.code(), forced.output());
        assertTrue(forced.output().contains("Exported 1 series"), forced.output());
        assertEquals(2, files());
    }

    private Path config(Path exportDirectory, int retries) throws IOException {
        Path file = dir.resolve("tasker-" + UUID.randomUUID() + ".yml");
        Files.writeString(
                file,
                "telemetry:\n  metrics_format: json\n  export_interval: 5m\n  export_directory: "
                        + exportDirectory + "\n  prometheus:\n    retry_attempts: " + retries + "\ncache:\n  url: \""
                        + REDIS.url()
                        + "\"\n  namespace: " + namespace + "\n");
        return file;
    }

    private long files() throws IOException {
        try (Stream<Path> list = Files.list(exports)) {
            return list.filter(f -> f.getFileName().toString().endsWith(".json"))
                    .count();
        }
    }

    private long successes() {
        return withHistory(ExportHistory::list).stream()
                .filter(ExportRecord::success)
                .count();
    }

    private <T> T withHistory(Function<ExportHistory, T> use) {
        try (CacheStore store = store()) {
            return use.apply(new ExportHistory(
                    store, SyncOptions.defaults("test").withNamespace(namespace).keys()));
        }
    }

    private static CacheStore store() {
        return RedisStore.open(REDIS.url(), Duration.ofSeconds(5));
    }
}
