package io.tasker.metrics.snapshot;

/** One series of a family: a label set and the values recorded under it. */
public sealed interface DataPoint permits CounterSnapshot.Point, GaugeSnapshot.Point, HistogramSnapshot.Point {
    /**
     * The series' label set.
     *
     * @return the labels, sorted by name
     */
    Labels labels();

    /**
     * When the series last changed, as far as its producer knows; 0 when unknown.
     *
     * @return epoch milliseconds, or 0
     */
    long updatedAtMillis();
}
