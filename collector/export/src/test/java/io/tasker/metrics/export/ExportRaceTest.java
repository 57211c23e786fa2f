package io.tasker.metrics.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.store.CacheStore;
import io.tasker.metrics.store.redis.RedisStore;
import io.tasker.metrics.testing.RedisServerExtension;
import java.io.IOException;
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
        long startAt = System.currentTimeMillis() + 4_000; // time for the two JVMs to start
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
                            "process" + p,
                            String.valueOf(startAt))
                    .redirectErrorStream(true)
                    .start());
        }
        List<String> outcomes = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try (CacheStore store = RedisStore.open(REDIS.url(), Duration.ofSeconds(5))) {
            List<Future<ExportRecord>> threads = new ArrayList<>();
            for (int t = 0; t < 10; t++) {
                String id = "thread" + t;
                threads.add(pool.submit(() -> ExportRaceWorker.race(store, namespace, id, startAt)));
            }
            for (Future<ExportRecord> f : threads) {
                ExportRecord r = f.get(60, TimeUnit.SECONDS);
                outcomes.add("OUTCOME " + r.outcome() + " " + r.error());
            }
        } finally {
            pool.shutdownNow();
        }
        for (Process p : processes) {
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            outcomes.add(lastLine(p));
        }
        long exported =
                outcomes.stream().filter(o -> o.startsWith("OUTCOME SUCCESS")).count();
        long skipped = outcomes.stream()
                .filter(o -> o.startsWith("OUTCOME SKIPPED skipped: another instance is exporting"))
                .count();
        assertEquals(1, exported, outcomes.toString());
        assertEquals(11, skipped, outcomes.toString());
    }

    private static String lastLine(Process p) throws IOException {
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        return out.substring(out.lastIndexOf('\n') + 1);
    }
}
