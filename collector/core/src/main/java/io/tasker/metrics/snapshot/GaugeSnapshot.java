package io.tasker.metrics.snapshot;

import java.util.List;
import java.util.Objects;

/** A gauge family at one moment, with the policy that combines instances' values. */
public record GaugeSnapshot(MetricMetadata metadata, GaugePolicy policy, List<Point> points,
                            long foldedObservations) implements MetricFamilySnapshot {

    public GaugeSnapshot {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(policy, "policy");
        points = List.copyOf(points);
    }

    @Override
    @SuppressWarnings("unchecked")
    public GaugeSnapshot withPoints(List<? extends DataPoint> points, long foldedObservations) {
        return new GaugeSnapshot(metadata, policy, (List<Point>) points, foldedObservations);
    }

    /**
     * One gauge series.
     *
     * @param updatedAtMillis when the value was last changed, as far as its producer knows (0 when unknown)
     */
    public record Point(Labels labels, double value, long updatedAtMillis) implements DataPoint {
        public Point {
            Objects.requireNonNull(labels, "labels");
        }

        public Point(Labels labels, double value) {
            this(labels, value, 0);
        }
    }
}
