package io.tasker.metrics.snapshot;

import java.util.List;

/**
 * One metric family at one moment: a counter, a gauge or a histogram, with all its series.
 *
 * <p>Writers switch over the three records; nothing downstream of a snapshot can reach the live
 * instruments.
 */
public sealed interface MetricFamilySnapshot permits CounterSnapshot, GaugeSnapshot, HistogramSnapshot {

    /**
     * What the family is, apart from its data.
     *
     * @return its name, help text, type and label names
     */
    MetricMetadata metadata();

    /**
     * The series, in the order they were first recorded (the overflow series last); each one's labels sorted by name.
     *
     * @return the family's data points
     */
    List<? extends DataPoint> points();

    /**
     * Observations that went to the overflow series because the family had reached its
     * cardinality limit (see {@code RegistryOptions#maxSeriesPerMetric}).
     *
     * @return the number of folded observations
     */
    long foldedObservations();

    /**
     * The same family with other series, for code that splits or filters families (sync
     * chunks, merges). Each point must be of this family's kind.
     *
     * @param points the series of the new snapshot
     * @param foldedObservations the folded observations of the new snapshot
     * @return a snapshot with this one's metadata and the given series
     */
    MetricFamilySnapshot withPoints(List<? extends DataPoint> points, long foldedObservations);

    /**
     * The family's base name (a counter's without {@code _total}).
     *
     * @return {@code metadata().name()}
     */
    default String name() {
        return metadata().name();
    }

    /**
     * Whether this is a counter, gauge or histogram.
     *
     * @return {@code metadata().type()}
     */
    default MetricType type() {
        return metadata().type();
    }
}
