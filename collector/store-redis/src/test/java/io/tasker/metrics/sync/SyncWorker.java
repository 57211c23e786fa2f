package io.tasker.metrics.sync;

import io.tasker.metrics.Clock;
import io.tasker.metrics.Counter;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.store.CacheStore;
import io.tasker.metrics.store.CacheStores;
import java.time.Duration;

/**
 * One instance in its own JVM, for the multi-process test: it counts, syncs, and says on
 * standard output what it is about to sync ({@code SYNCING n}) and what got across
 * ({@code SYNCED n}), so the test knows the ground truth even if the process is killed.
 *
 * <p>Arguments: cache URL, namespace, instance id, rounds, milliseconds between rounds.
 */
public final class SyncWorker {
    private SyncWorker() {}

    public static void main(String[] args) throws Exception {
        String url = args[0];
        SyncOptions options =
                new SyncOptions(args[1], args[2], 50, Duration.ofSeconds(30), Duration.ofSeconds(3), false);
        int rounds = Integer.parseInt(args[3]);
        long pause = Long.parseLong(args[4]);
        MetricRegistry registry = new MetricRegistry();
        Counter jobs = registry.counter("jobs_total", "worker");
        try (CacheStore store = CacheStores.open(url, Duration.ofSeconds(2), Clock.SYSTEM)) {
            ClusterSync sync = new ClusterSync(store, options, Clock.SYSTEM, registry::snapshot);
            long total = 0;
            for (int round = 0; round < rounds; round++) {
                for (int i = 0; i < 10; i++) {
                    jobs.labels("w" + (i % 3)).inc();
                    total++;
                }
                System.out.println("SYNCING " + total);
                SyncResult r = sync.sync(SyncStrategy.DISTRIBUTED_ATOMIC);
                System.out.println(r.success() ? "SYNCED " + total : "FAILED " + r.error());
                System.out.flush();
                Thread.sleep(pause); // The worker's pace between syncs, which the test sets: not a wait.
            }
            System.out.println("DONE " + total);
        }
    }
}
