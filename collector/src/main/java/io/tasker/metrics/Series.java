package io.tasker.metrics;

/**
 * One label combination of a metric, bound for fast recording. Obtained from
 * {@code labels(...)} on its family and safe to keep and share between threads.
 *
 * <p>It also keeps what its family's lookup table needs: the label values in the family's
 * definition order and their hash, so that a probe compares strings only on a hash match.
 */
public abstract sealed class Series permits CounterSeries, GaugeSeries, HistogramSeries {
    final String[] labelValues;
    final int hash;

    Series(String[] labelValues, int hash) {
        this.labelValues = labelValues;
        this.hash = hash;
    }
}
