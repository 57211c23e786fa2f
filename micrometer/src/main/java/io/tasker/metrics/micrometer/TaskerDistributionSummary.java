package io.tasker.metrics.micrometer;

import io.micrometer.core.instrument.AbstractDistributionSummary;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.NoopHistogram;
import io.micrometer.core.instrument.distribution.TimeWindowMax;
import io.tasker.metrics.HistogramSeries;

/**
 * A Micrometer distribution summary over one series of a collector histogram. Micrometer
 * applies the scale and drops negative amounts before {@link #recordNonNegative}; the decaying
 * maximum is kept here and copied into a {@code _max} gauge at each snapshot.
 */
final class TaskerDistributionSummary extends AbstractDistributionSummary {
    private final HistogramSeries series;
    private final HistogramShape shape;
    private final TimeWindowMax max;

    TaskerDistributionSummary(
            Id id,
            Clock clock,
            DistributionStatisticConfig config,
            double scale,
            HistogramSeries series,
            HistogramShape shape) {
        super(id, scale, NoopHistogram.INSTANCE);
        this.series = series;
        this.shape = shape;
        this.max = new TimeWindowMax(clock, config);
    }

    @Override
    protected void recordNonNegative(double amount) {
        series.observe(amount);
        max.record(amount);
    }

    @Override
    public long count() {
        return series.count();
    }

    @Override
    public double totalAmount() {
        return series.sum();
    }

    @Override
    public double max() {
        return max.poll();
    }

    @Override
    public HistogramSnapshot takeSnapshot() {
        return shape.snapshot(series, max.poll());
    }
}
