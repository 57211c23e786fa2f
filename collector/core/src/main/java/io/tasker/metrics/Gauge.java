package io.tasker.metrics;

import io.tasker.metrics.snapshot.GaugePolicy;
import io.tasker.metrics.snapshot.GaugeSnapshot;
import io.tasker.metrics.snapshot.Labels;
import io.tasker.metrics.snapshot.MetricFamilySnapshot;
import io.tasker.metrics.snapshot.MetricMetadata;
import io.tasker.metrics.snapshot.MetricType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A gauge family: values that go up and down, such as a queue's depth.
 *
 * <pre>{@code
 * Gauge depth = registry.gauge("queue_depth", "queue");
 * depth.labels("default").set(42);
 * }</pre>
 */
public final class Gauge extends MetricFamily<GaugeSeries> {
    private final GaugePolicy policy;

    Gauge(MetricRegistry registry, MetricMetadata metadata, GaugePolicy policy) {
        super(registry, metadata);
        this.policy = policy;
    }

    /**
     * How the cluster view combines instances' values of this gauge.
     *
     * @return the policy it was defined with
     */
    public GaugePolicy policy() {
        return policy;
    }

    /**
     * Starts the definition of a gauge.
     *
     * @param name the metric name
     * @return a builder to set help, labels and policy on, then register
     * @throws IllegalArgumentException for an invalid metric name
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /**
     * Sets the value, for a gauge without labels.
     *
     * @param value the new value
     */
    public void set(double value) {
        noLabels().set(value);
    }

    /**
     * Adds to the value, for a gauge without labels.
     *
     * @param amount the amount to add
     */
    public void inc(double amount) {
        noLabels().inc(amount);
    }

    /**
     * Subtracts from the value, for a gauge without labels.
     *
     * @param amount the amount to subtract
     */
    public void dec(double amount) {
        noLabels().dec(amount);
    }

    /**
     * The value, for a gauge without labels.
     *
     * @return the current value
     */
    public double value() {
        return noLabels().value();
    }

    @Override
    GaugeSeries newSeries(String[] labelValues, int hash) {
        return new GaugeSeries(labelValues, hash);
    }

    @Override
    MetricFamilySnapshot snapshot(List<GaugeSeries> series, List<Labels> labels, long folded) {
        List<GaugeSnapshot.Point> points = new ArrayList<>(series.size());
        for (int i = 0; i < series.size(); i++) {
            points.add(new GaugeSnapshot.Point(labels.get(i), series.get(i).value()));
        }
        return new GaugeSnapshot(metadata, policy, points, folded);
    }

    /** Defines a gauge. */
    public static final class Builder extends MetricBuilder<Builder, Gauge> {
        private GaugePolicy policy = GaugePolicy.LAST;

        Builder(String name) {
            super(name);
        }

        /**
         * How the cluster view combines instances' values; {@link GaugePolicy#LAST} by default.
         *
         * @param p the policy; not null
         * @return this builder
         */
        public Builder policy(GaugePolicy p) {
            this.policy = Objects.requireNonNull(p, "policy");
            return this;
        }

        @Override
        public Gauge register(MetricRegistry registry) {
            return registry.register(
                    Gauge.class,
                    MetricType.GAUGE,
                    exposed(registry, name),
                    help,
                    labelNames,
                    meta -> new Gauge(registry, meta, policy),
                    existing -> {
                        if (existing.policy != policy) {
                            throw new IllegalArgumentException("Gauge " + existing.name() + " is defined with policy "
                                    + existing.policy + "; it cannot be asked for again with policy " + policy);
                        }
                    });
        }
    }
}
