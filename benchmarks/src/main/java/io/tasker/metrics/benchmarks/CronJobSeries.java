package io.tasker.metrics.benchmarks;

import io.tasker.metrics.Clock;
import io.tasker.metrics.Counter;
import io.tasker.metrics.Gauge;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.store.CacheStore;
import io.tasker.metrics.store.CacheStores;
import io.tasker.metrics.sync.ClusterSync;
import io.tasker.metrics.sync.SyncOptions;
import io.tasker.metrics.sync.SyncResult;
import io.tasker.metrics.sync.SyncStrategy;
import java.time.Duration;

/**
 * Fills a store with the cluster view the design budgets a CronJob export for: 10,100 series
 * (10,000 task counters and 100 queue gauges) of one instance, kept for 30 minutes so that a run
 * of {@code benchmarks/cronjob-cost.sh} finds them all.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar io.tasker.metrics.benchmarks.CronJobSeries redis://127.0.0.1:6379/0}
 */
public final class CronJobSeries {
    private static final int TASKS = 5_000;
    private static final int QUEUES = 100;

    private CronJobSeries() {}

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: CronJobSeries <cache url>, such as redis://127.0.0.1:6379/0");
            System.exit(2);
        }
        try (CacheStore store = CacheStores.open(args[0], Duration.ofSeconds(10), Clock.SYSTEM)) {
            MetricRegistry registry = new MetricRegistry();
            Counter executions = registry.counter("task_executions_total", "status", "task_name");
            for (int i = 0; i < TASKS; i++) {
                executions.labels("success", "task_" + i).inc(i);
                executions.labels("failure", "task_" + i).inc();
            }
            Gauge depth = registry.gauge("queue_depth", "queue");
            for (int i = 0; i < QUEUES; i++) {
                depth.labels("queue_" + i).set(i);
            }
            SyncOptions options = new SyncOptions(
                    "tasker",
                    "cronjob-bench",
                    SyncOptions.DEFAULT_BATCH_SIZE,
                    Duration.ofMinutes(30),
                    Duration.ofMinutes(10),
                    true);
            SyncResult r = new ClusterSync(store, options, Clock.SYSTEM, registry::snapshot)
                    .sync(SyncStrategy.DISTRIBUTED_ATOMIC);
            System.out.println(r.success() ? "synced " + r.seriesSynced() + " series" : "sync failed: " + r.error());
            System.exit(r.success() ? 0 : 1);
        }
    }
}
