package io.tasker.metrics.console.history;

/**
 * One row of the history: a series' values over one interval of a tier. Columns that do not
 * apply to the series' kind are null.
 *
 * @param t the interval's start, epoch seconds
 * @param v the last value (counters, histogram counts) or the average (gauges)
 * @param d the increase over the interval, a reset counted from zero; null when unknown (the first sample)
 * @param sd a histogram's increase of its sum
 * @param q50 a histogram's median over the interval, where it has a quantile sketch
 * @param buckets a histogram's increase of each bucket (not cumulative), or null
 */
public record Sample(
        int seriesId,
        Tier tier,
        long t,
        double v,
        Double d,
        Double sd,
        Double q50,
        Double q95,
        Double q99,
        long[] buckets) {

    /** The same values under another series id, tier or start. */
    public Sample at(int id, Tier tier, long start) {
        return new Sample(id, tier, start, v, d, sd, q50, q95, q99, buckets);
    }
}
