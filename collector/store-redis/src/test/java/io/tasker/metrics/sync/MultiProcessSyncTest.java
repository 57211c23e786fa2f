package io.tasker.metrics.sync;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.Clock;
import io.tasker.metrics.snapshot.CounterSnapshot;
import io.tasker.metrics.snapshot.MetricsSnapshot;
import io.tasker.metrics.store.CacheStore;
import io.tasker.metrics.store.redis.RedisStore;
import io.tasker.metrics.testing.RedisServerExtension;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Three instances in three JVMs sync to one real Redis; one is killed with SIGKILL halfway. The
 * cluster view must equal the ground truth of what each had synced, and the killed one's counts
 * must stay in it after the others fold it into the retired totals.
 */
class MultiProcessSyncTest {
    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    @Test
    void aKilledInstanceKeepsItsSyncedCountsInTheClusterView() throws Exception {
        String namespace = "mp" + UUID.randomUUID().toString().substring(0, 8);
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            // The victim runs many rounds, so it is still counting when it is killed.
            workers.add(Worker.start(REDIS.url(), namespace, "jvm" + i, i == 0 ? 10_000 : 40, 100));
        }
        Worker victim = workers.get(0);
        victim.awaitSynced(5, Duration.ofSeconds(60));
        victim.process.destroyForcibly(); // SIGKILL: no final sync, no shutdown hook.
        victim.process.waitFor(10, TimeUnit.SECONDS);
        for (Worker w : workers.subList(1, 3)) {
            assertTrue(w.process.waitFor(120, TimeUnit.SECONDS), "worker " + w.id + " did not finish");
            assertEquals(0, w.process.exitValue(), w.id + " output: " + w.lines);
        }
        victim.drain();

        try (CacheStore store = RedisStore.open(REDIS.url(), Duration.ofSeconds(5))) {
            ClusterReader reader = new ClusterReader(
                    store,
                    new SyncOptions(namespace, "reader", 50, Duration.ofSeconds(30), Duration.ofSeconds(3), false),
                    Clock.SYSTEM);
            double survivors = workers.get(1).lastSynced() + workers.get(2).lastSynced();
            double total = total(reader.readView().snapshot());
            // Killed between sending a sync and hearing back, the victim may have got one more across.
            assertTrue(
                    total == survivors + victim.lastSynced() || total == survivors + victim.lastSyncing(),
                    "view " + total + ", survivors " + survivors + ", victim synced " + victim.lastSynced() + " or "
                            + victim.lastSyncing());
            // The survivors finished, so every instance is stopped now: a sync folds each in once
            // it has been quiet for the instance timeout (3 s).
            ClusterSync folder = new ClusterSync(
                    store,
                    new SyncOptions(namespace, "folder", 50, Duration.ofSeconds(30), Duration.ofSeconds(3), false),
                    Clock.SYSTEM,
                    () -> MetricsSnapshot.empty(Instant.EPOCH));
            SyncResult[] last = new SyncResult[1];
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        last[0] = folder.sync(SyncStrategy.DISTRIBUTED_ATOMIC);
                        return reader.readView().instances().size() == 1;
                    });
            SyncResult r = last[0];
            assertTrue(r.success(), r.toString());
            ClusterView after = reader.readView();
            assertEquals(List.of("folder"), after.instances(), "all three were folded in");
            assertEquals(total, total(after.snapshot()), "folding keeps every count");
        }
    }

    /**
     * Two JVMs: one stops gracefully and is folded into the retired totals by the other; then the
     * store is flushed while the other keeps counting. Its copy (or the reader's) comes back, once,
     * and at the end the view is exactly what both synced.
     */
    @Test
    void aFlushedStoreKeepsAStoppedInstancesTotals() throws Exception {
        String namespace = "mpf" + UUID.randomUUID().toString().substring(0, 8);
        Worker stopping = Worker.start(REDIS.url(), namespace, "jvm0", 5, 100);
        Worker running = Worker.start(REDIS.url(), namespace, "jvm1", 150, 100);
        assertTrue(stopping.process.waitFor(60, TimeUnit.SECONDS), "jvm0 did not finish: " + stopping.lines);
        double stopped = stopping.lastSynced();
        try (CacheStore store = RedisStore.open(REDIS.url(), Duration.ofSeconds(5))) {
            ClusterReader reader = new ClusterReader(
                    store,
                    new SyncOptions(namespace, "reader", 50, Duration.ofSeconds(30), Duration.ofSeconds(3), false),
                    Clock.SYSTEM);
            // jvm1 folds jvm0 once it has not synced for the instance timeout (3 s).
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(100))
                    .alias("jvm0 folded by jvm1")
                    .until(() -> reader.readView().retiredGeneration() >= 1);
            // jvm1's next sync reads the new generation and keeps a copy too.
            running.awaitSynced((int) running.count("SYNCED ") + 1, Duration.ofSeconds(30));

            try (io.tasker.metrics.testing.TextSocket redis =
                    io.tasker.metrics.testing.TextSocket.connect("127.0.0.1", REDIS.port(), Duration.ofSeconds(5))) {
                redis.send("FLUSHALL\r\n");
                assertEquals("+OK", redis.readLine());
            }

            assertTrue(running.process.waitFor(120, TimeUnit.SECONDS), "jvm1 did not finish: " + running.lines);
            assertEquals(0, running.process.exitValue(), "jvm1 output: " + running.lines);
            ClusterView after = reader.readView();
            assertEquals(
                    stopped + running.lastSynced(),
                    total(after.snapshot()),
                    "jvm0's " + stopped + " survived the flush beside jvm1's " + running.lastSynced());
            assertTrue(after.afterLoss(), "the reader knows the store lost its data");
        }
    }

    private static double total(MetricsSnapshot view) {
        return view.family("tasker_jobs")
                .map(f -> ((CounterSnapshot) f)
                        .points().stream()
                                .mapToDouble(CounterSnapshot.Point::value)
                                .sum())
                .orElse(0.0);
    }

    /** One worker process and what it said, read as it says it (a killed process's pipe closes). */
    private static final class Worker {
        final String id;
        final Process process;
        final List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
        private final Thread reader;

        private Worker(String id, Process process) {
            this.id = id;
            this.process = process;
            this.reader = new Thread(this::read, "worker-" + id);
            reader.setDaemon(true);
            reader.start();
        }

        static Worker start(String url, String namespace, String id, int rounds, int pauseMs) throws IOException {
            String java =
                    Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process p = new ProcessBuilder(
                            java,
                            "-cp",
                            System.getProperty("java.class.path"),
                            SyncWorker.class.getName(),
                            url,
                            namespace,
                            id,
                            String.valueOf(rounds),
                            String.valueOf(pauseMs))
                    .redirectErrorStream(true)
                    .start();
            return new Worker(id, p);
        }

        private void read() {
            try (BufferedReader out =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("(output closed: " + e.getMessage() + ")");
            }
        }

        void awaitSynced(int count, Duration timeout) {
            await().atMost(timeout)
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> count("SYNCED ") >= count || !process.isAlive());
            assertTrue(count("SYNCED ") >= count, id + " synced too few times: " + lines);
        }

        void drain() throws InterruptedException {
            reader.join(10_000);
        }

        double lastSynced() throws InterruptedException {
            drain();
            return last("SYNCED ");
        }

        double lastSyncing() throws InterruptedException {
            drain();
            return last("SYNCING ");
        }

        private long count(String prefix) {
            synchronized (lines) {
                return lines.stream().filter(l -> l.startsWith(prefix)).count();
            }
        }

        private double last(String prefix) {
            synchronized (lines) {
                for (int i = lines.size() - 1; i >= 0; i--) {
                    if (lines.get(i).startsWith(prefix)) {
                        return Double.parseDouble(lines.get(i).substring(prefix.length()));
                    }
                }
            }
            return 0;
        }
    }
}
