package io.tasker.metrics.snapshot;

import java.util.List;
import java.util.Objects;

/**
 * A gauge family at one moment, with the policy that combines instances' values.
 *
 * @param metadata the family's name, help, type and label names
 * @param policy how the cluster view combines instances' values
 * @param points the series
 * @param foldedObservations observations that went to the overflow series
 */
public record GaugeSnapshot(MetricMetadata metadata, GaugePolicy policy, List<Point> points, long foldedObservations)
        implements MetricFamilySnapshot {

    /**
     * Copies the series list.
     *
     * @param metadata the family's name, help, type and label names; not null
     * @param policy how the cluster view combines instances' values; not null
     * @param points the series
     * @param foldedObservations observations that went to the overflow series
     */
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
     * @param labels the series' labels
     * @param value the gauge's value
     * @param updatedAtMillis when the value was last changed, as far as its producer knows (0 when unknown)
     */
    public record Point(Labels labels, double value, long updatedAtMillis) implements DataPoint {
        /**
         * Checks the labels.
         *
         * @param labels the series' labels; not null
         * @param value the gauge's value
         * @param updatedAtMillis when the value was last changed (0 when unknown)
         */
        public Point {
            Objects.requireNonNull(labels, "labels");
        }

        /**
         * A point whose last change is unknown.
         *
         * @param labels the series' labels; not null
         * @param value the gauge's value
         */
        public Point(Labels labels, double value) {
            this(labels, value, 0);
        }
    }
}
