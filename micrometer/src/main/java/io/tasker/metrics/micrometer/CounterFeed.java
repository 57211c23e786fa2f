package io.tasker.metrics.micrometer;

import io.tasker.metrics.CounterSeries;
import java.util.function.DoubleSupplier;

/**
 * Feeds a monotonic function (a function counter, a function timer's count or total) into a
 * collector counter series at each snapshot, by what it gained since the last read. A value
 * below the last one means the source started again from zero (a pool re-created, say): its
 * new value is all gain, as Prometheus' {@code rate()} reads a counter reset, so the series
 * never goes backwards and the cluster sum stays exact. NaN (the source was garbage
 * collected) and infinities are skipped.
 */
final class CounterFeed implements Runnable {
    private final CounterSeries series;
    private final DoubleSupplier source;
    private double last;

    CounterFeed(CounterSeries series, DoubleSupplier source) {
        this.series = series;
        this.source = source;
    }

    /** Called under {@link SnapshotReads}' lock, so {@code last} needs no other guard. */
    @Override
    public void run() {
        double value = source.getAsDouble();
        if (!Double.isFinite(value) || value < 0) {
            return;
        }
        double gain = value >= last ? value - last : value;
        last = value;
        if (gain > 0) {
            series.inc(gain);
        }
    }
}
