package io.tasker.metrics.benchmarks;

import io.tasker.metrics.Clock;
import io.tasker.metrics.Counter;
import io.tasker.metrics.Gauge;
import io.tasker.metrics.Histogram;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.RegistryOptions;
import io.tasker.metrics.snapshot.CounterSnapshot;
import io.tasker.metrics.snapshot.MetricsSnapshot;
import io.tasker.metrics.store.CacheStore;
import io.tasker.metrics.sync.ClusterSync;
import io.tasker.metrics.sync.SyncOptions;
import java.util.Random;

/**
 * One replica of a workflow engine in the cluster simulation: its own registry, instance id and
 * sync, recording the demo's metrics. Of its series, 60% are task executions by status and task,
 * 30% step executions by step and status, 8% queue depths, and 2% task duration histograms that
 * keep quantile sketches (40 of 2,000).
 */
final class SimulatedInstance {
    private static final String[] STATUSES = {"success", "failure"};

    private final MetricRegistry registry;
    private final ClusterSync sync;
    private final Counter tasks;
    private final Counter steps;
    private final Gauge queues;
    private final Histogram durations;
    private final int taskNames;
    private final int stepNames;
    private final int queueNames;
    private final int histogramNames;
    private final Random random;

    SimulatedInstance(String id, int series, CacheStore store, SyncOptions cluster, Clock clock) {
        this.registry = new MetricRegistry(RegistryOptions.defaults()
                .withClock(clock)
                .withMaxSeriesPerMetric(Math.max(RegistryOptions.DEFAULT_MAX_SERIES, series)));
        SyncOptions options = new SyncOptions(
                cluster.namespace(),
                id,
                cluster.batchSize(),
                cluster.retentionWindow(),
                cluster.instanceTimeout(),
                cluster.includeInstanceLabels());
        this.sync = new ClusterSync(store, options, clock, registry::snapshot);
        this.tasks = registry.counter("task_executions_total", "status", "task_name");
        this.steps = registry.counter("step_executions_total", "step_name", "status");
        this.queues = registry.gauge("queue_depth", "queue");
        this.durations = Histogram.builder("task_duration_seconds")
                .labelNames("task_name")
                .quantiles()
                .register(registry);
        this.taskNames = series * 60 / 100 / STATUSES.length;
        this.stepNames = series * 30 / 100 / STATUSES.length;
        this.histogramNames = series * 2 / 100;
        this.queueNames = series - 2 * taskNames - 2 * stepNames - histogramNames;
        this.random = new Random(id.hashCode());
    }

    /** Touches every series once (so all exist), then does {@code rounds} more of random work. */
    void record(int rounds) {
        if (registry.snapshot().seriesCount() == 0) {
            for (int t = 0; t < taskNames; t++) {
                for (String s : STATUSES) {
                    tasks.labels(s, "task_" + t).inc();
                }
            }
            for (int t = 0; t < stepNames; t++) {
                for (String s : STATUSES) {
                    steps.labels("step_" + t, s).inc();
                }
            }
            for (int q = 0; q < queueNames; q++) {
                queues.labels("queue_" + q).set(q);
            }
            for (int h = 0; h < histogramNames; h++) {
                durations.labels("task_" + h).observe(0.05);
            }
        }
        for (int i = 0; i < rounds; i++) {
            tasks.labels(STATUSES[random.nextInt(2)], "task_" + random.nextInt(taskNames))
                    .inc();
            steps.labels("step_" + random.nextInt(stepNames), STATUSES[random.nextInt(2)])
                    .inc();
            durations.labels("task_" + random.nextInt(histogramNames)).observe(random.nextDouble() * 3);
        }
    }

    ClusterSync sync() {
        return sync;
    }

    int series() {
        return registry.snapshot().seriesCount();
    }

    /** This instance's total of task executions, which the cluster view must add up exactly. */
    double taskExecutions() {
        return total(registry.snapshot());
    }

    static double total(MetricsSnapshot s) {
        return s.family("tasker_task_executions")
                .map(f -> ((CounterSnapshot) f)
                        .points().stream()
                                .mapToDouble(CounterSnapshot.Point::value)
                                .sum())
                .orElse(0.0);
    }
}
