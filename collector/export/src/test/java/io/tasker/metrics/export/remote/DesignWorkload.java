package io.tasker.metrics.export.remote;

import io.tasker.metrics.Counter;
import io.tasker.metrics.Gauge;
import io.tasker.metrics.Histogram;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.snapshot.MetricsSnapshot;
import java.util.Random;

/**
 * A snapshot of the design document's metrics at a given size, with plausible values: task and
 * step executions by status, task durations in the default buckets, queue depths. Per 100 series:
 * 10 task executions, 40 step executions, 49 duration series (3.5 histograms of 14), 1 queue.
 */
final class DesignWorkload {
    private DesignWorkload() {}

    static MetricsSnapshot snapshot(int series) {
        if (series % 100 != 0) {
            throw new IllegalArgumentException("series must be a multiple of 100, got " + series);
        }
        int unit = series / 100;
        Random random = new Random(42);
        MetricRegistry registry = new MetricRegistry();
        Counter tasks = Counter.builder("task_executions_total")
                .help("Task executions by outcome.")
                .labelNames("status", "task_name")
                .register(registry);
        for (int i = 0; i < 5 * unit; i++) {
            tasks.labels("success", "task_" + i).inc(random.nextInt(100_000));
            tasks.labels("failure", "task_" + i).inc(random.nextInt(1_000));
        }
        Counter steps = Counter.builder("step_executions_total")
                .help("Step executions by outcome.")
                .labelNames("step_name", "status")
                .register(registry);
        for (int i = 0; i < 20 * unit; i++) {
            steps.labels("step_" + i, "success").inc(random.nextInt(100_000));
            steps.labels("step_" + i, "failure").inc(random.nextInt(1_000));
        }
        Histogram durations = Histogram.builder("task_duration_seconds")
                .help("Task duration in seconds.")
                .labelNames("task_name")
                .register(registry);
        for (int i = 0; i < 7 * unit / 2; i++) {
            for (int k = 0; k < 20; k++) {
                durations.labels("task_" + i).observe(random.nextDouble() * random.nextDouble() * 12);
            }
        }
        Gauge queues = Gauge.builder("queue_depth")
                .help("Tasks waiting per queue.")
                .labelNames("queue")
                .register(registry);
        for (int i = 0; i < unit; i++) {
            queues.labels("queue_" + i).set(random.nextInt(500));
        }
        return registry.snapshot();
    }
}
