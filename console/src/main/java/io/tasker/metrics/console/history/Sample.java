package io.tasker.metrics.console.history;

import io.tasker.metrics.snapshot.QuantileSketch;
import java.util.Arrays;
import java.util.Objects;

/**
 * One row of the history: a series' values over one interval of a tier. Columns that do not
 * apply to the series' kind are null.
 *
 * @param start the interval's start, epoch seconds
 * @param value the last value (counters, histogram counts) or the average (gauges)
 * @param increase the increase over {@code span}, a reset counted from zero; null when unknown (the first sample)
 * @param sumIncrease a histogram's increase of its sum
 * @param spanMillis milliseconds the increase covers: from the sync that the series' previous
 *     row saw to the one this row saw, so that a rate is the increase over the time it was made
 *     in, whatever the sync and sample intervals; null for the tier's width
 * @param sketch a histogram's observations over {@code span}, where it has a quantile sketch
 * @param buckets a histogram's increase of each bucket (not cumulative), or null
 */
public record Sample(
        int seriesId,
        Tier tier,
        long start,
        double value,
        Double increase,
        Double sumIncrease,
        Long spanMillis,
        QuantileSketch sketch,
        long[] buckets) {

    /** A gauge's row, or a counter's. */
    public static Sample of(long start, double value, Double increase, Long spanMillis) {
        return new Sample(0, Tier.RAW, start, value, increase, null, spanMillis, null, null);
    }

    /** The same values under another series id, tier or start. */
    public Sample at(int id, Tier tier, long start) {
        return new Sample(id, tier, start, value, increase, sumIncrease, spanMillis, sketch, buckets);
    }

    /**
     * The increase per second over the time it covers, or null when the increase is unknown.
     *
     * @param width the tier's width, for rows that do not say their span
     */
    public Double rate(long width) {
        return increase == null ? null : increase / seconds(width);
    }

    /**
     * The seconds the increase covers.
     *
     * @param width the tier's width, for rows that do not say their span
     */
    public double seconds(long width) {
        return spanMillis == null || spanMillis <= 0 ? width : spanMillis / 1000.0;
    }

    // A record compares an array by reference: two rows of equal buckets would differ.
    @Override
    public boolean equals(Object o) {
        return o instanceof Sample s
                && seriesId == s.seriesId
                && tier == s.tier
                && start == s.start
                && Double.compare(value, s.value) == 0
                && Objects.equals(increase, s.increase)
                && Objects.equals(sumIncrease, s.sumIncrease)
                && Objects.equals(spanMillis, s.spanMillis)
                && Objects.equals(sketch, s.sketch)
                && Arrays.equals(buckets, s.buckets);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hash(seriesId, tier, start, value, increase, sumIncrease, spanMillis, sketch)
                + Arrays.hashCode(buckets);
    }

    @Override
    public String toString() {
        return "Sample[series=" + seriesId + ", tier=" + tier + ", start=" + start + ", value=" + value
                + ", increase=" + increase + ", sumIncrease=" + sumIncrease + ", spanMillis=" + spanMillis + ", sketch="
                + sketch
                + ", buckets=" + Arrays.toString(buckets) + "]";
    }
}
