package io.tasker.metrics;

import io.tasker.metrics.snapshot.BucketBounds;
import io.tasker.metrics.snapshot.HistogramSnapshot;
import io.tasker.metrics.snapshot.Labels;
import io.tasker.metrics.snapshot.MetricFamilySnapshot;
import io.tasker.metrics.snapshot.MetricMetadata;
import io.tasker.metrics.snapshot.MetricType;
import java.util.ArrayList;
import java.util.List;

/**
 * A histogram family: the distribution of observations such as durations, in buckets, with
 * their count and sum, and optionally quantiles from a {@link io.tasker.metrics.snapshot.QuantileSketch}.
 *
 * <pre>{@code
 * Histogram durations = Histogram.builder("task_duration_seconds")
 *         .labelNames("task_name")
 *         .quantiles()          // p50, p90, p95, p99 without bucket interpolation
 *         .register(registry);
 * durations.labels("payment_processing").observe(0.42);
 * }</pre>
 */
public final class Histogram extends MetricFamily<HistogramSeries> {
    private final BucketBounds bounds;
    private final boolean quantiles;

    Histogram(MetricRegistry registry, MetricMetadata metadata, BucketBounds bounds, boolean quantiles) {
        super(registry, metadata);
        this.bounds = bounds;
        this.quantiles = quantiles;
    }

    /**
     * Starts the definition of a histogram.
     *
     * @param name the metric name
     * @return a builder to set help, labels, buckets and quantiles on, then register
     * @throws IllegalArgumentException for an invalid metric name
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /**
     * The bucket upper bounds of every series of this family.
     *
     * @return the bounds, {@code +Inf} last
     */
    public BucketBounds bounds() {
        return bounds;
    }

    /**
     * Whether each series keeps a quantile sketch.
     *
     * @return true when defined with {@link Builder#quantiles()}
     */
    public boolean hasQuantiles() {
        return quantiles;
    }

    /**
     * Observations that the quantile sketches of this family could not take: negative, infinite
     * or beyond the range a sketch can hold. They are in the buckets, count and sum all the same.
     *
     * @return the total over the family's series; 0 without quantiles
     */
    public long sketchRejected() {
        return allSeries().stream().mapToLong(HistogramSeries::sketchRejected).sum();
    }

    /**
     * Records one observation, for a histogram without labels.
     *
     * @param value the observation; not NaN
     * @throws IllegalArgumentException for NaN
     */
    public void observe(double value) {
        noLabels().observe(value);
    }

    @Override
    HistogramSeries newSeries(String[] labelValues, int hash) {
        return new HistogramSeries(this, labelValues, hash);
    }

    @Override
    MetricFamilySnapshot snapshot(List<HistogramSeries> series, List<Labels> labels, long folded) {
        List<HistogramSnapshot.Point> points = new ArrayList<>(series.size());
        int n = bounds.bucketCount();
        for (int i = 0; i < series.size(); i++) {
            HistogramSeries s = series.get(i);
            long[] counts = new long[n];
            double sum = s.read(counts);
            for (int b = 1; b < n; b++) {
                counts[b] += counts[b - 1];
            }
            points.add(new HistogramSnapshot.Point(labels.get(i), counts, sum, s.sketch()));
        }
        return new HistogramSnapshot(metadata, bounds, points, folded);
    }

    /** Defines a histogram; without {@link #buckets} it takes the default buckets, 5 ms to 10 s. */
    public static final class Builder extends MetricBuilder<Builder, Histogram> {
        private BucketBounds bounds = BucketBounds.DEFAULT;
        private boolean quantiles;

        Builder(String name) {
            super(name);
        }

        /**
         * Finite, strictly increasing upper bounds; {@code +Inf} is always added.
         *
         * @param upperBounds the bucket upper bounds
         * @return this builder
         * @throws IllegalArgumentException when the bounds are not finite and strictly increasing
         */
        public Builder buckets(double... upperBounds) {
            try {
                this.bounds = BucketBounds.of(upperBounds);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Histogram " + name + ": " + e.getMessage(), e);
            }
            return this;
        }

        /**
         * Keeps a quantile sketch per series, so that p50, p90, p95 and p99 are within 0.8% and
         * merge across instances. It costs about 3 KB per series; see docs.
         *
         * @return this builder
         */
        public Builder quantiles() {
            this.quantiles = true;
            return this;
        }

        @Override
        public Histogram register(MetricRegistry registry) {
            return registry.register(
                    Histogram.class,
                    MetricType.HISTOGRAM,
                    exposed(registry, name),
                    help,
                    labelNames,
                    meta -> new Histogram(registry, meta, bounds, quantiles),
                    existing -> {
                        if (!existing.bounds.equals(bounds)) {
                            throw new IllegalArgumentException("Histogram " + existing.name()
                                    + " is defined with buckets " + existing.bounds
                                    + "; it cannot be asked for again with buckets " + bounds);
                        }
                        if (existing.quantiles != quantiles) {
                            throw new IllegalArgumentException("Histogram " + existing.name() + " is defined "
                                    + (existing.quantiles ? "with" : "without")
                                    + " quantiles; it cannot be asked for again "
                                    + (quantiles ? "with" : "without") + " them");
                        }
                    });
        }
    }
}
