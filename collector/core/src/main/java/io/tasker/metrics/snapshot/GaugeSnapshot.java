package io.tasker.metrics.snapshot;

import java.util.List;
import java.util.Objects;

/** A gauge family at one moment, with the policy that combines instances' values. */
public record GaugeSnapshot(MetricMetadata metadata, GaugePolicy policy, List<Point> points,
                            long foldedObservations) implements MetricFamilySnapshot {

    /** Checks the metadata and policy and copies the points, so that the snapshot stays immutable. */
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
        /** Requires labels ({@link Labels#EMPTY} for none). */
        public Point {
            Objects.requireNonNull(labels, "labels");
        }

        /** A series whose last change is unknown ({@code updatedAtMillis} 0). */
        public Point(Labels labels, double value) {
            this(labels, value, 0);
        }
    }
}
