package io.tasker.metrics.snapshot;

import java.util.List;
import java.util.Objects;

/** A counter family at one moment. Values are cumulative and never negative. */
public record CounterSnapshot(MetricMetadata metadata, List<Point> points, long foldedObservations)
        implements MetricFamilySnapshot {

    public CounterSnapshot {
        Objects.requireNonNull(metadata, "metadata");
        points = List.copyOf(points);
    }

    /** One counter series. */
    public record Point(Labels labels, double value) implements DataPoint {
        public Point {
            Objects.requireNonNull(labels, "labels");
            if (!(value >= 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("Counter value must be finite and >= 0, got " + value);
            }
        }
    }
}
