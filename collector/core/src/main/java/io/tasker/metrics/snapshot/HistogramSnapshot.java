package io.tasker.metrics.snapshot;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A histogram family at one moment. All series share the family's bucket bounds.
 *
 * @param metadata the family's name, help, type and label names
 * @param bounds the bucket bounds every series has
 * @param points the series
 * @param foldedObservations observations that went to the overflow series
 */
public record HistogramSnapshot(
        MetricMetadata metadata, BucketBounds bounds, List<Point> points, long foldedObservations)
        implements MetricFamilySnapshot {

    /**
     * Checks that every series has the family's number of buckets, and copies the series list.
     *
     * @param metadata the family's name, help, type and label names
     * @param bounds the bucket bounds every series has
     * @param points the series
     * @param foldedObservations observations that went to the overflow series
     * @throws IllegalArgumentException when a series has another number of buckets
     */
    public HistogramSnapshot {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(bounds, "bounds");
        points = List.copyOf(points);
        for (Point p : points) {
            if (p.bucketCount() != bounds.bucketCount()) {
                throw new IllegalArgumentException("Histogram " + metadata.name() + " series "
                        + p.labels() + " has " + p.bucketCount() + " buckets, the family "
                        + bounds.bucketCount());
            }
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public HistogramSnapshot withPoints(List<? extends DataPoint> points, long foldedObservations) {
        return new HistogramSnapshot(metadata, bounds, (List<Point>) points, foldedObservations);
    }

    /**
     * One histogram series: cumulative bucket counts (the last is {@code +Inf} and equals the
     * count), the sum, and the quantile sketch when the family keeps one.
     */
    public static final class Point implements DataPoint {
        private final Labels labels;
        private final long[] cumulativeCounts;
        private final double sum;
        private final QuantileSketch quantiles;
        private final long updatedAtMillis;

        /**
         * Takes ownership of {@code cumulativeCounts}: the caller must not change it afterwards.
         *
         * @param labels the series' labels
         * @param cumulativeCounts cumulative count per bucket, {@code +Inf} last; never decreasing
         * @param sum the sum of the observations
         * @param quantiles the quantile sketch, or null when the family keeps none
         * @throws IllegalArgumentException when the counts decrease
         */
        public Point(Labels labels, long[] cumulativeCounts, double sum, QuantileSketch quantiles) {
            this(labels, cumulativeCounts, sum, quantiles, 0);
        }

        /**
         * As above, with the time the series last changed as far as its producer knows.
         *
         * @param labels the series' labels
         * @param cumulativeCounts cumulative count per bucket, {@code +Inf} last; never decreasing
         * @param sum the sum of the observations
         * @param quantiles the quantile sketch, or null when the family keeps none
         * @param updatedAtMillis when the series last changed, in epoch milliseconds; 0 when unknown
         * @throws IllegalArgumentException when the counts decrease
         */
        public Point(
                Labels labels, long[] cumulativeCounts, double sum, QuantileSketch quantiles, long updatedAtMillis) {
            this.updatedAtMillis = updatedAtMillis;
            this.labels = Objects.requireNonNull(labels, "labels");
            this.cumulativeCounts = Objects.requireNonNull(cumulativeCounts, "cumulativeCounts");
            this.sum = sum;
            this.quantiles = quantiles;
            for (int i = 1; i < cumulativeCounts.length; i++) {
                if (cumulativeCounts[i] < cumulativeCounts[i - 1]) {
                    throw new IllegalArgumentException(
                            "Cumulative bucket counts must not decrease: " + Arrays.toString(cumulativeCounts));
                }
            }
        }

        @Override
        public Labels labels() {
            return labels;
        }

        @Override
        public long updatedAtMillis() {
            return updatedAtMillis;
        }

        /**
         * The number of buckets, {@code +Inf} included.
         *
         * @return the length of the cumulative counts
         */
        public int bucketCount() {
            return cumulativeCounts.length;
        }

        /**
         * Observations at or below bucket {@code i}'s upper bound.
         *
         * @param i the bucket, from 0 to {@link #bucketCount()} - 1
         * @return the cumulative count
         */
        public long cumulativeCount(int i) {
            return cumulativeCounts[i];
        }

        /**
         * The number of observations: the {@code +Inf} bucket's count.
         *
         * @return the count; 0 without buckets
         */
        public long count() {
            return cumulativeCounts.length == 0 ? 0 : cumulativeCounts[cumulativeCounts.length - 1];
        }

        /**
         * The sum of the observations.
         *
         * @return the sum
         */
        public double sum() {
            return sum;
        }

        /**
         * The quantile sketch, or {@code null} when the family was defined without quantiles.
         *
         * @return the sketch, or null
         */
        public QuantileSketch quantiles() {
            return quantiles;
        }

        /**
         * The cumulative counts per bucket, {@code +Inf} last.
         *
         * @return a copy of the counts
         */
        public long[] cumulativeCounts() {
            return cumulativeCounts.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Point p
                    && labels.equals(p.labels)
                    && Arrays.equals(cumulativeCounts, p.cumulativeCounts)
                    && Double.compare(sum, p.sum) == 0
                    && Objects.equals(quantiles, p.quantiles);
        }

        @Override
        public int hashCode() {
            return Objects.hash(labels, Arrays.hashCode(cumulativeCounts), sum);
        }

        @Override
        public String toString() {
            return "Point" + labels + " counts=" + Arrays.toString(cumulativeCounts) + " sum=" + sum;
        }
    }
}
