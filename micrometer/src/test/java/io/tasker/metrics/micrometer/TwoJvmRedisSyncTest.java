package io.tasker.metrics.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.Clock;
import io.tasker.metrics.snapshot.CounterSnapshot;
import io.tasker.metrics.snapshot.HistogramSnapshot;
import io.tasker.metrics.snapshot.Labels;
import io.tasker.metrics.snapshot.MetricsSnapshot;
import io.tasker.metrics.store.CacheStore;
import io.tasker.metrics.store.redis.RedisStore;
import io.tasker.metrics.sync.ClusterReader;
import io.tasker.metrics.sync.SyncOptions;
import io.tasker.metrics.testing.RedisServerExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two service instances in two JVMs record only through Micrometer and sync to one real
 * Redis, many times each while the other is recording: the cluster view holds the exact sum
 * of both, series by series.
 */
class TwoJvmRedisSyncTest {
    private static final int ROUNDS = 30;

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    @Test
    void theClusterViewIsTheExactSumOfBothJvms() throws Exception {
        String namespace = "mm" + UUID.randomUUID().toString().substring(0, 8);
        List<Process> workers = new ArrayList<>();
        List<Path> outputs = new ArrayList<>();
        for (String id : List.of("jvm-a", "jvm-b")) {
            // Output to a file: a pipe nobody reads while the worker runs could fill and stop it.
            outputs.add(Files.createTempFile("micrometer-worker-" + id, ".log"));
            workers.add(start(REDIS.url(), namespace, id, outputs.get(outputs.size() - 1)));
        }
        long ok = 0;
        long failed = 0;
        for (int i = 0; i < workers.size(); i++) {
            Process p = workers.get(i);
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "a worker did not finish");
            String out = Files.readString(outputs.get(i), StandardCharsets.UTF_8);
            Files.delete(outputs.get(i));
            assertEquals(0, p.exitValue(), out);
            String[] done = out.lines()
                    .filter(l -> l.startsWith("DONE "))
                    .findFirst()
                    .orElseThrow()
                    .split(" ");
            ok += Long.parseLong(done[1]);
            failed += Long.parseLong(done[2]);
        }
        assertEquals(2 * ROUNDS * 8, ok);

        MetricsSnapshot view = readView(namespace);
        CounterSnapshot jobs =
                (CounterSnapshot) view.family("tasker_jobs_completed").orElseThrow();
        assertEquals(ok, value(jobs, "ok"));
        assertEquals(failed, value(jobs, "failed"));
        CounterSnapshot handled =
                (CounterSnapshot) view.family("tasker_messages_handled").orElseThrow();
        assertEquals(2.0 * 2 * ROUNDS * 10, handled.points().get(0).value());

        HistogramSnapshot durations =
                (HistogramSnapshot) view.family("tasker_job_duration_seconds").orElseThrow();
        HistogramSnapshot.Point p = durations.points().get(0);
        long observations = 2L * ROUNDS * 10;
        assertEquals(observations, p.count());
        // Per round of ten: 0.125 x4, 0.25 x3, 0.5 x3, so four observations at or below 200 ms.
        assertEquals(2L * ROUNDS * 4, p.cumulativeCount(0));
        assertEquals(2 * ROUNDS * (4 * 0.125 + 3 * 0.25 + 3 * 0.5), p.sum());
    }

    private static long value(CounterSnapshot family, String status) {
        return (long) family.points().stream()
                .filter(pt -> pt.labels().equals(Labels.of("status", status)))
                .findFirst()
                .orElseThrow()
                .value();
    }

    private static MetricsSnapshot readView(String namespace) throws IOException {
        try (CacheStore store = RedisStore.open(REDIS.url(), Duration.ofSeconds(5))) {
            ClusterReader reader = new ClusterReader(
                    store,
                    new SyncOptions(namespace, "reader", 50, Duration.ofSeconds(60), Duration.ofSeconds(30), false),
                    Clock.SYSTEM);
            return reader.readView().snapshot();
        }
    }

    private static Process start(String url, String namespace, String id, Path output) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        MicrometerSyncWorker.class.getName(),
                        url,
                        namespace,
                        id,
                        String.valueOf(ROUNDS))
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
    }
}
