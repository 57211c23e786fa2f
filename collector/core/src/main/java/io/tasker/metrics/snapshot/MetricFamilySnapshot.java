package io.tasker.metrics.snapshot;

import java.util.List;

/**
 * One metric family at one moment: a counter, a gauge or a histogram, with all its series.
 *
 * <p>Writers switch over the three records; nothing downstream of a snapshot can reach the live
 * instruments.
 */
public sealed interface MetricFamilySnapshot
        permits CounterSnapshot, GaugeSnapshot, HistogramSnapshot {

    /** The family's name, help text, type and label names. */
    MetricMetadata metadata();

    /** The series, in the order they were first recorded (the overflow series last); each one's labels sorted by name. */
    List<? extends DataPoint> points();

    /**
     * Observations that went to the overflow series because the family had reached its
     * cardinality limit (see {@code RegistryOptions#maxSeriesPerMetric}).
     */
    long foldedObservations();

    /**
     * The same family with other series, for code that splits or filters families (sync
     * chunks, merges). Each point must be of this family's kind.
     */
    MetricFamilySnapshot withPoints(List<? extends DataPoint> points, long foldedObservations);

    /** The family's base name (a counter's without {@code _total}). */
    default String name() {
        return metadata().name();
    }

    /** Counter, gauge or histogram. */
    default MetricType type() {
        return metadata().type();
    }
}
