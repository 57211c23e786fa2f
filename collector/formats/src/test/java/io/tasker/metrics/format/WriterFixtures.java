package io.tasker.metrics.format;

import io.tasker.metrics.Counter;
import io.tasker.metrics.Histogram;
import io.tasker.metrics.ManualClock;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.RegistryOptions;
import io.tasker.metrics.snapshot.MetricsSnapshot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** The snapshots that the golden-text tests write, built through the public API. */
public final class WriterFixtures {
    public static final String HOSTILE = "a\"b\\c\nd, é ✓ 🚀";

    private WriterFixtures() {}

    public static MetricRegistry registry() {
        return new MetricRegistry(
                RegistryOptions.defaults().withClock(new ManualClock(Instant.parse("2026-01-01T12:00:00Z"))));
    }

    /** The design document's metric names with a few values of each kind. */
    public static MetricsSnapshot workflow() {
        MetricRegistry registry = registry();
        Counter executions = Counter.builder("task_executions_total")
                .help("Task executions by outcome.")
                .labelNames("status", "task_name")
                .register(registry);
        executions.labels("success", "payment_processing").inc(1247);
        executions.labels("failure", "payment_processing").inc(23);
        registry.gauge("queue_depth", "queue").labels("default").set(42);
        Histogram durations = Histogram.builder("task_duration_seconds")
                .help("Task duration in seconds.")
                .labelNames("task_name")
                .buckets(0.1, 0.5, 1)
                .register(registry);
        durations.labels("payment_processing").observe(0.05);
        durations.labels("payment_processing").observe(0.3);
        durations.labels("payment_processing").observe(0.75);
        durations.labels("payment_processing").observe(2.5);
        return registry.snapshot();
    }

    /** Label values and help text with every character that needs escaping. */
    public static MetricsSnapshot hostile() {
        MetricRegistry registry = registry();
        Counter.builder("errors_total")
                .help("Errors\\with a backslash\nand \"quotes\".")
                .labelNames("message")
                .register(registry)
                .labels(HOSTILE)
                .inc();
        registry.gauge("temperature_celsius").set(-3.5);
        registry.gauge("ratio").set(Double.NaN);
        registry.gauge("limit").set(Double.POSITIVE_INFINITY);
        return registry.snapshot();
    }

    public static String write(ExpositionFormatWriter writer, MetricsSnapshot snapshot) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writer.write(out, snapshot);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
