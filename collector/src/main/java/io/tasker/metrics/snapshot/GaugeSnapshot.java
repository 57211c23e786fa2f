package io.tasker.metrics.snapshot;

import java.util.List;
import java.util.Objects;

/** A gauge family at one moment. */
public record GaugeSnapshot(MetricMetadata metadata, List<Point> points, long foldedObservations)
        implements MetricFamilySnapshot {

    public GaugeSnapshot {
        Objects.requireNonNull(metadata, "metadata");
        points = List.copyOf(points);
    }

    /** One gauge series. */
    public record Point(Labels labels, double value) implements DataPoint {
        public Point {
            Objects.requireNonNull(labels, "labels");
        }
    }
}
