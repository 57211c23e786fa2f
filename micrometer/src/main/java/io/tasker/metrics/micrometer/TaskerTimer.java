package io.tasker.metrics.micrometer;

import io.micrometer.core.instrument.AbstractTimer;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.NoopHistogram;
import io.micrometer.core.instrument.distribution.TimeWindowMax;
import io.micrometer.core.instrument.distribution.pause.PauseDetector;
import io.micrometer.core.instrument.util.TimeUtils;
import io.tasker.metrics.HistogramSeries;
import java.util.concurrent.TimeUnit;

/**
 * A Micrometer timer over one series of a collector histogram, in seconds. Count, sum and
 * buckets live in the series (so they sync and export like any histogram); only the decaying
 * maximum, which Micrometer defines over a time window, is kept here and copied into a
 * {@code _max} gauge at each snapshot.
 */
final class TaskerTimer extends AbstractTimer {
    private static final double NANOS_PER_SECOND = 1e9;

    private final HistogramSeries series;
    private final HistogramShape shape;
    private final TimeWindowMax max;

    TaskerTimer(
            Id id,
            Clock clock,
            DistributionStatisticConfig config,
            PauseDetector pauseDetector,
            HistogramSeries series,
            HistogramShape shape) {
        // Micrometer's own histogram stays a no-op: buckets and percentiles come from the series.
        super(id, clock, pauseDetector, TimeUnit.SECONDS, NoopHistogram.INSTANCE);
        this.series = series;
        this.shape = shape;
        this.max = new TimeWindowMax(clock, config);
    }

    @Override
    protected void recordNonNegative(long amount, TimeUnit unit) {
        long nanos = unit.toNanos(amount);
        series.observe(nanos / NANOS_PER_SECOND);
        max.record((double) nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public long count() {
        return series.count();
    }

    @Override
    public double totalTime(TimeUnit unit) {
        return TimeUtils.secondsToUnit(series.sum(), unit);
    }

    @Override
    public double max(TimeUnit unit) {
        return max.poll(unit);
    }

    @Override
    public HistogramSnapshot takeSnapshot() {
        return shape.snapshot(series, max.poll(TimeUnit.NANOSECONDS));
    }
}
