package io.tasker.metrics.snapshot;

import java.util.List;
import java.util.Objects;

/**
 * A counter family at one moment. Values are cumulative and never negative.
 *
 * @param metadata the family's name, help, type and label names
 * @param points the series
 * @param foldedObservations observations that went to the overflow series
 */
public record CounterSnapshot(MetricMetadata metadata, List<Point> points, long foldedObservations)
        implements MetricFamilySnapshot {

    /**
     * Copies the series list.
     *
     * @param metadata the family's name, help, type and label names; not null
     * @param points the series
     * @param foldedObservations observations that went to the overflow series
     */
    public CounterSnapshot {
        Objects.requireNonNull(metadata, "metadata");
        points = List.copyOf(points);
    }

    @Override
    @SuppressWarnings("unchecked")
    public CounterSnapshot withPoints(List<? extends DataPoint> points, long foldedObservations) {
        return new CounterSnapshot(metadata, (List<Point>) points, foldedObservations);
    }

    /**
     * One counter series.
     *
     * @param labels the series' labels
     * @param value the total, finite and not negative
     * @param updatedAtMillis when the value last changed, as far as its producer knows (0 when unknown)
     */
    public record Point(Labels labels, double value, long updatedAtMillis) implements DataPoint {
        /**
         * Checks the labels and the value.
         *
         * @param labels the series' labels; not null
         * @param value the total, finite and not negative
         * @param updatedAtMillis when the value last changed (0 when unknown)
         * @throws IllegalArgumentException for a negative, NaN or infinite value
         */
        public Point {
            Objects.requireNonNull(labels, "labels");
            if (!(value >= 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("Counter value must be finite and >= 0, got " + value);
            }
        }

        /**
         * A point whose last change is unknown.
         *
         * @param labels the series' labels; not null
         * @param value the total, finite and not negative
         */
        public Point(Labels labels, double value) {
            this(labels, value, 0);
        }
    }
}
