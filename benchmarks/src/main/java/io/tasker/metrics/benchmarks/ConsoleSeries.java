package io.tasker.metrics.benchmarks;

import io.tasker.metrics.Counter;
import io.tasker.metrics.Gauge;
import io.tasker.metrics.Histogram;
import io.tasker.metrics.HistogramSeries;
import io.tasker.metrics.MetricRegistry;
import java.util.Random;

/**
 * The 10,000 series the console is measured with, as rows of its metric table: 4,000
 * {@code task_executions_total{status,task_name}}, 5,000 {@code step_executions_total{status,step_name}},
 * 500 {@code task_duration_seconds{task_name}} histograms with quantile sketches (so the table
 * shows p50, p95 and p99) and 500 {@code queue_depth{queue}} gauges. Every family stays under the
 * default limit of 10,000 series per metric.
 *
 * <pre>{@code
 * ConsoleSeries.fill(console.runtime().registry());
 * }</pre>
 */
final class ConsoleSeries {
    static final int TASKS = 2_000;
    static final int STEPS = 2_500;
    static final int HISTOGRAMS = 500;
    static final int QUEUES = 500;
    /** Rows the table shows for these series. */
    static final int ROWS = 2 * TASKS + 2 * STEPS + HISTOGRAMS + QUEUES;

    private static final int OBSERVATIONS = 50;

    private ConsoleSeries() {}

    static void fill(MetricRegistry registry) {
        Random random = new Random(7);
        // The console's events subscriber defines these families already: same help text and label order.
        Counter tasks = Counter.builder("task_executions_total")
                .help("Task executions by outcome and task.")
                .labelNames("status", "task_name")
                .register(registry);
        for (int i = 0; i < TASKS; i++) {
            tasks.labels("success", "task_" + i).inc(random.nextInt(100_000));
            tasks.labels("failure", "task_" + i).inc(random.nextInt(1_000));
        }
        Counter steps = Counter.builder("step_executions_total")
                .help("Step attempts by step and outcome.")
                .labelNames("step_name", "status")
                .register(registry);
        for (int i = 0; i < STEPS; i++) {
            steps.labels("step_" + i, "success").inc(random.nextInt(100_000));
            steps.labels("step_" + i, "failure").inc(random.nextInt(1_000));
        }
        Histogram durations = Histogram.builder("task_duration_seconds")
                .help("Task duration in seconds.")
                .labelNames("task_name")
                .quantiles()
                .register(registry);
        for (int i = 0; i < HISTOGRAMS; i++) {
            HistogramSeries series = durations.labels("task_" + i);
            for (int k = 0; k < OBSERVATIONS; k++) {
                series.observe(0.001 + random.nextDouble() * random.nextDouble() * 12);
            }
        }
        Gauge queues = Gauge.builder("queue_depth")
                .help("Tasks waiting per queue.")
                .labelNames("queue")
                .register(registry);
        for (int i = 0; i < QUEUES; i++) {
            queues.labels("queue_" + i).set(random.nextInt(500));
        }
    }
}
