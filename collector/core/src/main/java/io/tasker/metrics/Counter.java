package io.tasker.metrics;

import io.tasker.metrics.snapshot.CounterSnapshot;
import io.tasker.metrics.snapshot.Labels;
import io.tasker.metrics.snapshot.MetricFamilySnapshot;
import io.tasker.metrics.snapshot.MetricMetadata;
import io.tasker.metrics.snapshot.MetricType;
import java.util.ArrayList;
import java.util.List;

/**
 * A counter family: values that only go up, such as executions or failures.
 *
 * <pre>{@code
 * Counter executions = registry.counter("task_executions_total", "status", "task_name");
 * executions.labels("success", "payment_processing").inc();
 * }</pre>
 *
 * <p>The exposed name ends in {@code _total} exactly once whether or not the definition did.
 */
public final class Counter extends MetricFamily<CounterSeries> {
    Counter(MetricRegistry registry, MetricMetadata metadata) {
        super(registry, metadata);
    }

    /**
     * Starts the definition of a counter.
     *
     * @param name the metric name, with or without {@code _total}
     * @return a builder to set help and labels on, then register
     * @throws IllegalArgumentException for an invalid metric name
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Adds one, for a counter without labels. */
    public void inc() {
        noLabels().inc();
    }

    /**
     * Adds a non-negative, finite amount, for a counter without labels.
     *
     * @param amount the amount to add
     * @throws IllegalArgumentException for a negative, NaN or infinite amount
     */
    public void inc(double amount) {
        noLabels().inc(amount);
    }

    /**
     * The value, for a counter without labels.
     *
     * @return the total so far
     */
    public double value() {
        return noLabels().value();
    }

    @Override
    CounterSeries newSeries(String[] labelValues, int hash) {
        return new CounterSeries(name(), labelValues, hash);
    }

    @Override
    MetricFamilySnapshot snapshot(List<CounterSeries> series, List<Labels> labels, long folded) {
        List<CounterSnapshot.Point> points = new ArrayList<>(series.size());
        for (int i = 0; i < series.size(); i++) {
            points.add(new CounterSnapshot.Point(labels.get(i), series.get(i).value()));
        }
        return new CounterSnapshot(metadata, points, folded);
    }

    /** Defines a counter. */
    public static final class Builder extends MetricBuilder<Builder, Counter> {
        Builder(String name) {
            super(name);
        }

        @Override
        public Counter register(MetricRegistry registry) {
            String base = name.endsWith("_total") ? name.substring(0, name.length() - "_total".length()) : name;
            Names.checkMetricName(base);
            return registry.register(
                    Counter.class,
                    MetricType.COUNTER,
                    exposed(registry, base),
                    help,
                    labelNames,
                    meta -> new Counter(registry, meta),
                    existing -> {});
        }
    }
}
