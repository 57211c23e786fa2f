package io.tasker.metrics.snapshot;

import java.util.List;
import java.util.Objects;

/** A counter family at one moment. Values are cumulative and never negative. */
public record CounterSnapshot(MetricMetadata metadata, List<Point> points, long foldedObservations)
        implements MetricFamilySnapshot {

    /** Checks the metadata and copies the points, so that the snapshot stays immutable. */
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
     * @param updatedAtMillis when the value last changed, as far as its producer knows (0 when unknown)
     */
    public record Point(Labels labels, double value, long updatedAtMillis) implements DataPoint {
        /** Refuses a negative, NaN or infinite value: a counter's cumulative value is never one. */
        public Point {
            Objects.requireNonNull(labels, "labels");
            if (!(value >= 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("Counter value must be finite and >= 0, got " + value);
            }
        }

        /** A series whose last change is unknown ({@code updatedAtMillis} 0). */
        public Point(Labels labels, double value) {
            this(labels, value, 0);
        }
    }
}
