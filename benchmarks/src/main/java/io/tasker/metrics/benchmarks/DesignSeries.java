package io.tasker.metrics.benchmarks;

import io.tasker.metrics.Counter;
import io.tasker.metrics.Gauge;
import io.tasker.metrics.Histogram;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.RegistryOptions;
import io.tasker.metrics.snapshot.BucketBounds;
import io.tasker.metrics.snapshot.MetricsSnapshot;
import java.util.Random;

/**
 * A snapshot of the design document's metrics holding exactly {@code n} remote-write series:
 * per 200 series, 20 of {@code tasker_task_executions_total{status,task_name}}, 80 of
 * {@code tasker_step_executions_total{status,step_name}}, 7 {@code tasker_task_duration_seconds}
 * histograms of 14 series each (12 buckets, sum, count) and 2 {@code tasker_queue_depth} gauges.
 *
 * <p>Label values are numbered, so a smaller snapshot's series are a subset of a larger one's:
 * after pushing 10,000 and then 1,000,000, Prometheus must hold exactly 1,000,000.
 *
 * <pre>{@code
 * MetricsSnapshot snapshot = DesignSeries.snapshot(10_000);
 * }</pre>
 */
final class DesignSeries {
    /** Series per histogram point: 11 finite buckets and +Inf, then sum and count. */
    static final int HISTOGRAM_SERIES = BucketBounds.DEFAULT.bucketCount() + 2;
    /** Matches every sample name this class writes, for PromQL's {@code __name__=~}. */
    static final String NAME_REGEX =
            "tasker_(task_executions_total|step_executions_total|task_duration_seconds_(bucket|sum|count)|queue_depth)";

    private static final int BLOCK = 200;

    private DesignSeries() {}

    /** @throws IllegalArgumentException unless {@code n} is a positive multiple of 200 */
    static MetricsSnapshot snapshot(int n) {
        if (n <= 0 || n % BLOCK != 0) {
            throw new IllegalArgumentException("series must be a positive multiple of " + BLOCK + ", got " + n);
        }
        int blocks = n / BLOCK;
        // The default limit of 10,000 series per metric would fold a million into overflow series.
        MetricRegistry registry = new MetricRegistry(
                RegistryOptions.defaults().withMaxSeriesPerMetric(Math.max(RegistryOptions.DEFAULT_MAX_SERIES, n)));
        Random random = new Random(42);
        Counter tasks = Counter.builder("task_executions_total")
                .help("Task executions by outcome.")
                .labelNames("status", "task_name")
                .register(registry);
        for (int i = 0; i < 10 * blocks; i++) {
            String task = "task_" + i;
            tasks.labels("success", task).inc(random.nextInt(100_000));
            tasks.labels("failure", task).inc(random.nextInt(1_000));
        }
        Counter steps = Counter.builder("step_executions_total")
                .help("Step executions by outcome.")
                .labelNames("status", "step_name")
                .register(registry);
        for (int i = 0; i < 40 * blocks; i++) {
            String step = "step_" + i;
            steps.labels("success", step).inc(random.nextInt(100_000));
            steps.labels("failure", step).inc(random.nextInt(1_000));
        }
        Histogram durations = Histogram.builder("task_duration_seconds")
                .help("Task duration in seconds.")
                .labelNames("task_name")
                .register(registry);
        for (int i = 0; i < 7 * blocks; i++) {
            var series = durations.labels("task_" + i);
            for (int k = 0; k < 20; k++) {
                series.observe(random.nextDouble() * random.nextDouble() * 12);
            }
        }
        Gauge queues = Gauge.builder("queue_depth")
                .help("Tasks waiting per queue.")
                .labelNames("queue")
                .register(registry);
        for (int i = 0; i < 2 * blocks; i++) {
            queues.labels("queue_" + i).set(random.nextInt(500));
        }
        // The registry goes out of scope here: an exporter holds the cluster view's snapshot, not instruments.
        return registry.snapshot();
    }
}
