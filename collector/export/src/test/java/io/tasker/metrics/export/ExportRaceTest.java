package io.tasker.metrics.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.store.CacheStore;
import io.tasker.metrics.store.redis.RedisStore;
import io.tasker.metrics.testing.RedisServerExtension;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Ten exporters in threads and two in other processes race for one export on a real Redis:
 * exactly one exports, every other one reports that another instance is exporting.
 */
class ExportRaceTest {
    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    @Test
    void exactlyOneOfTwelveExporters() throws Exception {
        String namespace = "race" + UUID.randomUUID().toString().substring(0, 8);
        List<Process> processes = new ArrayList<>();
        for (int p = 0; p < 2; p++) {
            String java =
                    Path.of(System.getProperty("java.home"), "bin", "java").toString();
            processes.add(new ProcessBuilder(
                            java,
                            "-cp",
                            System.getProperty("java.class.path"),
                            ExportRaceWorker.class.getName(),
                            REDIS.url(),
                            namespace,
                            "process" + p)
                    .redirectErrorStream(true)
                    .start());
        }
        List<BufferedReader> outputs = new ArrayList<>();
        for (Process p : processes) {
            outputs.add(awaitReady(p));
        }
        long startAt = System.currentTimeMillis() + 500; // Every exporter is ready: the race starts together.
        for (Process p : processes) {
            p.getOutputStream().write((startAt + "\n").getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().flush();
        }
        List<String> outcomes = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try (CacheStore store = RedisStore.open(REDIS.url(), Duration.ofSeconds(5))) {
            List<Future<ExportRecord>> threads = new ArrayList<>();
            for (int t = 0; t < 10; t++) {
                String id = "thread" + t;
                ExportCoordinator coordinator = ExportRaceWorker.coordinator(store, namespace, id);
                threads.add(pool.submit(() -> ExportRaceWorker.race(coordinator, startAt)));
            }
            for (Future<ExportRecord> f : threads) {
                ExportRecord r = f.get(60, TimeUnit.SECONDS);
                outcomes.add("OUTCOME " + r.outcome() + " " + r.error());
            }
        } finally {
            pool.shutdownNow();
        }
        for (int p = 0; p < processes.size(); p++) {
            assertTrue(processes.get(p).waitFor(60, TimeUnit.SECONDS));
            outcomes.add(lastLine(outputs.get(p)));
        }
        long exported =
                outcomes.stream().filter(o -> o.startsWith("OUTCOME SUCCESS")).count();
        long skipped = outcomes.stream()
                .filter(o -> o.startsWith("OUTCOME SKIPPED skipped: another instance is exporting"))
                .count();
        assertEquals(1, exported, outcomes.toString());
        assertEquals(11, skipped, outcomes.toString());
    }

    /** Reads the exporter's output up to its READY line (a JVM's start-up messages may come first). */
    private static BufferedReader awaitReady(Process p) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.equals("READY")) {
                return out;
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("the exporter process ended before it was ready:\n" + seen);
    }

    private static String lastLine(BufferedReader out) throws IOException {
        String last = "";
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            last = line.isBlank() ? last : line;
        }
        return last.strip();
    }
}
