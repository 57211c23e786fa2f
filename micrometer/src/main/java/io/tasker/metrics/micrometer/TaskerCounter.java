package io.tasker.metrics.micrometer;

import io.micrometer.core.instrument.AbstractMeter;
import io.micrometer.core.instrument.Counter;
import io.tasker.metrics.CounterSeries;

/**
 * A Micrometer counter that is one series of a collector counter: an increment goes straight
 * to the series, with its validation (a negative or NaN amount is an
 * {@link IllegalArgumentException} naming the counter, not a silent drop).
 */
final class TaskerCounter extends AbstractMeter implements Counter {
    private final CounterSeries series;

    TaskerCounter(Id id, CounterSeries series) {
        super(id);
        this.series = series;
    }

    @Override
    public void increment(double amount) {
        series.inc(amount);
    }

    @Override
    public double count() {
        return series.value();
    }
}
