package io.tasker.metrics.console.history;

import java.util.Arrays;
import java.util.Objects;

/**
 * One row of the history: a series' values over one interval of a tier. Columns that do not
 * apply to the series' kind are null.
 *
 * @param start the interval's start, epoch seconds
 * @param value the last value (counters, histogram counts) or the average (gauges)
 * @param increase the increase over the interval, a reset counted from zero; null when unknown (the first sample)
 * @param sumIncrease a histogram's increase of its sum
 * @param q50 a histogram's median over the interval, where it has a quantile sketch
 * @param buckets a histogram's increase of each bucket (not cumulative), or null
 */
public record Sample(
        int seriesId,
        Tier tier,
        long start,
        double value,
        Double increase,
        Double sumIncrease,
        Double q50,
        Double q95,
        Double q99,
        long[] buckets) {

    /** The same values under another series id, tier or start. */
    public Sample at(int id, Tier tier, long start) {
        return new Sample(id, tier, start, value, increase, sumIncrease, q50, q95, q99, buckets);
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
                && Objects.equals(q50, s.q50)
                && Objects.equals(q95, s.q95)
                && Objects.equals(q99, s.q99)
                && Arrays.equals(buckets, s.buckets);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hash(seriesId, tier, start, value, increase, sumIncrease, q50, q95, q99)
                + Arrays.hashCode(buckets);
    }

    @Override
    public String toString() {
        return "Sample[series=" + seriesId + ", tier=" + tier + ", start=" + start + ", value=" + value
                + ", increase=" + increase + ", sumIncrease=" + sumIncrease + ", q50=" + q50 + ", q95=" + q95
                + ", q99=" + q99 + ", buckets=" + Arrays.toString(buckets) + "]";
    }
}
