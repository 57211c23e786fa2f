package io.tasker.metrics.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.ManualClock;
import io.tasker.metrics.config.ConfigException;
import io.tasker.metrics.config.ConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export files are kept by age and count, with a fake clock for the age. */
class ExportRetentionTest {
    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(Instant.parse("2026-06-01T12:00:00Z"));

    @Test
    void filesOlderThanTheRetentionGoTheRestStay() throws IOException {
        Path old = export("tasker-metrics-20260520T000000Z.json", Duration.ofDays(12));
        Path recent = export("tasker-metrics-20260530T000000Z.csv", Duration.ofDays(2));
        Path notOurs = export("notes.json", Duration.ofDays(30));
        ExportRetention.Pruned pruned = new ExportRetention(Duration.ofDays(7), 100).prune(dir, clock.instant());
        assertEquals(1, pruned.deleted());
        assertFalse(Files.exists(old));
        assertTrue(Files.exists(recent));
        assertTrue(Files.exists(notOurs), "only export files are touched");
        assertEquals(new ExportRetention.Survey(1, clock.instant().minus(Duration.ofDays(2))), pruned.left());
    }

    @Test
    void beyondTheMaximumTheOldestGo() throws IOException {
        for (int i = 0; i < 12; i++) {
            export(
                    "tasker-metrics-2026060" + (i % 9) + "T0000" + String.format("%02d", i) + "Z.prom",
                    Duration.ofMinutes(60 - i));
        }
        ExportRetention retention = new ExportRetention(Duration.ofDays(7), 5);
        assertEquals(7, retention.prune(dir, clock.instant()).deleted());
        ExportRetention.Survey left = retention.survey(dir);
        assertEquals(5, left.files());
        assertEquals(clock.instant().minus(Duration.ofMinutes(53)), left.oldest(), "the newest five are kept");
    }

    @Test
    void aDirectoryLeftToGrowIsCutInBatches() throws IOException {
        for (int i = 0; i < ExportRetention.BATCH + 20; i++) {
            export("tasker-metrics-old-" + i + ".json", Duration.ofDays(30));
        }
        ExportRetention retention = new ExportRetention(Duration.ofDays(7), 10_000);
        assertEquals(
                ExportRetention.BATCH, retention.prune(dir, clock.instant()).deleted());
        assertEquals(20, retention.prune(dir, clock.instant()).deleted());
        assertEquals(0, retention.survey(dir).files());
    }

    @Test
    void aMissingDirectoryHoldsNothing() {
        ExportRetention retention = new ExportRetention(Duration.ofDays(7), 10);
        assertEquals(new ExportRetention.Survey(0, null), retention.survey(dir.resolve("none")));
        assertEquals(0, retention.prune(dir.resolve("none"), clock.instant()).deleted());
    }

    @Test
    void theKeysHaveDefaultsAndAreChecked() {
        ExportRetention defaults =
                ConfigLoader.load(Optional.empty(), Map.of()).export().retention();
        assertEquals(new ExportRetention(Duration.ofDays(7), 10_000), defaults);
        ConfigException e = assertThrows(
                ConfigException.class,
                () -> ConfigLoader.load(
                        Optional.empty(), Map.of("TASKER_EXPORT_RETENTION", "0s", "TASKER_EXPORT_MAX_FILES", "0")));
        assertTrue(
                e.getMessage().contains("telemetry.export_retention")
                        && e.getMessage().contains("telemetry.export_max_files"),
                e.getMessage());
    }

    private Path export(String name, Duration age) throws IOException {
        Path p = Files.writeString(dir.resolve(name), "x");
        Files.setLastModifiedTime(p, FileTime.from(clock.instant().minus(age)));
        return p;
    }
}
