package io.tasker.metrics.examples;

import io.tasker.metrics.Counter;
import io.tasker.metrics.Histogram;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.format.PrometheusTextWriter;
import java.io.IOException;

/** Records a few metrics with tasker-metrics-core alone and prints them as a Prometheus scrape would see them. */
public final class RecordAndScrape {
    private RecordAndScrape() {
    }

    public static void main(String[] args) throws IOException {
        // tag::example[]
        MetricRegistry registry = new MetricRegistry();     // names get the tasker_ prefix once

        // Bound handles for hot paths: look the series up once, then no allocation, no lock.
        Counter executions = registry.counter("task_executions_total", "status", "task_name");
        executions.labels("success", "payment_processing").inc();

        Histogram durations = Histogram.builder("task_duration_seconds")
                .help("Task duration in seconds.")
                .labelNames("task_name")
                .quantiles()                                 // p50/p90/p95/p99 from a mergeable sketch
                .register(registry);
        durations.labels("payment_processing").observe(0.42);

        // The one-call style, for cold call sites: the metric is looked up by name each time.
        registry.incrementCounter("task_executions_total", 1, "status", "failure", "task_name", "payment_processing");
        registry.setGauge("queue_depth", 42, "queue", "default");
        registry.observeHistogram("task_duration_seconds", 1.5, "task_name", "payment_processing");

        // Snapshot, then write: what a /metrics endpoint answers.
        new PrometheusTextWriter().write(System.out, registry.snapshot());
        // end::example[]
    }
}
