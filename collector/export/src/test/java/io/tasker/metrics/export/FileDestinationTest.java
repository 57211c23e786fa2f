package io.tasker.metrics.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.ManualClock;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.format.PrometheusTextWriter;
import io.tasker.metrics.formats.JsonWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
            registry.incrementCounter("jobs_total", 1);
            json.deliver(registry.snapshot());
        }
        assertEquals(
                List.of(
                        "tasker-metrics-20260101T120000Z-2.json",
                        "tasker-metrics-20260101T120000Z-3.json",
                        "tasker-metrics-20260101T120000Z.json"),
                names());
        assertTrue(Files.readString(dir.resolve("tasker-metrics-20260101T120000Z.json"))
                .contains("\"value\":1"));
        assertTrue(Files.readString(dir.resolve("tasker-metrics-20260101T120000Z-3.json"))
                .contains("\"value\":3"));
    }

    @Test
    void concurrentExportersWithinOneSecondNeverReplaceEachOther() throws Exception {
        ManualClock clock = new ManualClock(Instant.parse("2026-01-01T12:00:00.250Z"));
        int exporters = 8;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(exporters);
        try {
            List<Future<String>> files = new ArrayList<>();
            for (int i = 1; i <= exporters; i++) {
                // Each its own destination and registry, as separate processes sharing a directory.
                MetricRegistry registry = new MetricRegistry();
                registry.incrementCounter("jobs_total", i);
                FileDestination json = new FileDestination(new JsonWriter(), dir, null, clock);
                files.add(pool.submit(() -> {
                    go.await();
                    return json.deliver(registry.snapshot()).location();
                }));
            }
            go.countDown();
            Set<String> destinations = new HashSet<>();
            for (Future<String> f : files) {
                destinations.add(f.get(30, TimeUnit.SECONDS));
            }
            assertEquals(exporters, destinations.size(), "each exporter reports a file of its own");
        } finally {
            pool.shutdownNow();
        }
        List<String> names = names();
        assertEquals(exporters, names.size(), "no export replaced, no temporary file left: " + names);
        Set<String> values = new HashSet<>();
        for (String name : names) {
            Matcher value = Pattern.compile("\"value\":(\\d+)").matcher(Files.readString(dir.resolve(name)));
            assertTrue(value.find(), name);
            values.add(value.group(1));
        }
        assertEquals(Set.of("1", "2", "3", "4", "5", "6", "7", "8"), values, "every export whole, in its own file");
    }

    @Test
    void aNamedFileIsReplaced() throws IOException {
        Path named = dir.resolve("now.prom");
        MetricRegistry registry = new MetricRegistry();
        registry.incrementCounter("jobs_total", 1);
        FileDestination text =
                new FileDestination(new PrometheusTextWriter(), dir, named, new ManualClock(Instant.EPOCH));
        text.deliver(registry.snapshot());
        registry.incrementCounter("jobs_total", 1);
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
