package io.tasker.metrics.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.ManualClock;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.format.JsonWriter;
import io.tasker.metrics.format.PrometheusTextWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Timestamped files never replace each other; a named file is replaced whole; no temporary file stays. */
class FileDestinationTest {
    @TempDir
    Path dir;

    @Test
    void exportsWithinOneSecondGetFilesOfTheirOwn() throws IOException {
        ManualClock clock = new ManualClock(Instant.parse("2026-01-01T12:00:00.250Z"));
        MetricRegistry registry = new MetricRegistry();
        FileDestination json = new FileDestination(new JsonWriter(), dir, null, clock);
        for (int i = 1; i <= 3; i++) {
            registry.counter("jobs_total", 1);
            json.deliver(registry.snapshot());
        }
        assertEquals(List.of("tasker-metrics-20260101T120000Z-2.json", "tasker-metrics-20260101T120000Z-3.json",
                "tasker-metrics-20260101T120000Z.json"), names());
        assertTrue(Files.readString(dir.resolve("tasker-metrics-20260101T120000Z.json")).contains("\"value\":1"));
        assertTrue(Files.readString(dir.resolve("tasker-metrics-20260101T120000Z-3.json")).contains("\"value\":3"));
    }

    @Test
    void aNamedFileIsReplaced() throws IOException {
        Path named = dir.resolve("now.prom");
        MetricRegistry registry = new MetricRegistry();
        registry.counter("jobs_total", 1);
        FileDestination text = new FileDestination(new PrometheusTextWriter(), dir, named, new ManualClock(Instant.EPOCH));
        text.deliver(registry.snapshot());
        registry.counter("jobs_total", 1);
        text.deliver(registry.snapshot());
        assertEquals(List.of("now.prom"), names());
        assertTrue(Files.readString(named).contains("tasker_jobs_total 2"), Files.readString(named));
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
