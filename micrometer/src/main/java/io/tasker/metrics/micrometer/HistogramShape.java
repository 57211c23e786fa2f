package io.tasker.metrics.micrometer;

import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.tasker.metrics.Histogram;
import io.tasker.metrics.HistogramSeries;
import io.tasker.metrics.snapshot.BucketBounds;
import io.tasker.metrics.snapshot.QuantileSketch;

/**
 * How a timer's or distribution summary's statistics map onto a collector histogram.
 * Buckets: Micrometer's service-level objectives, plus its percentile-histogram buckets when
 * the meter publishes a percentile histogram; with neither, the collector's default buckets.
 * Percentiles: any percentile asked for turns on the collector's quantile sketch, which is
 * cumulative and merges across instances (see docs/micrometer.md for what that changes).
 *
 * <p>Bounds are kept in both units, each converted once by a division or a product of whole
 * powers of ten, so that 0.25 s stays 0.25 in the export and 250,000,000 ns in Micrometer's
 * snapshot (a round trip through 1e-9 would give 0.24999999999999997).
 *
 * @param bounds finite upper bounds in the exposed unit (seconds for timers), ascending
 * @param buckets the same bounds in Micrometer's unit (nanoseconds for timers)
 * @param perBase Micrometer's units per exposed unit: 1e9 for timers, 1 for summaries
 * @param percentiles the percentiles the meter asked for, 0..1
 */
record HistogramShape(double[] bounds, double[] buckets, double perBase, double[] percentiles) {
    static HistogramShape of(DistributionStatisticConfig config, double perBase) {
        double[] asked = config.getHistogramBuckets(true).stream()
                .mapToDouble(Double::doubleValue)
                .filter(Double::isFinite)
                .toArray();
        double[] p = config.getPercentiles();
        double[] percentiles = p == null ? new double[0] : p.clone();
        if (asked.length == 0) {
            double[] bounds = defaultBounds();
            return new HistogramShape(bounds, scaled(bounds, perBase), perBase, percentiles);
        }
        double[] bounds = new double[asked.length];
        for (int i = 0; i < bounds.length; i++) {
            bounds[i] = asked[i] / perBase;
        }
        return new HistogramShape(bounds, asked, perBase, percentiles);
    }

    /** The collector's default bounds: 0.005 s to 10 s. */
    private static double[] defaultBounds() {
        return BucketBounds.DEFAULT.toList().stream()
                .mapToDouble(Double::doubleValue)
                .toArray();
    }

    private static double[] scaled(double[] values, double factor) {
        double[] out = new double[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = values[i] * factor;
        }
        return out;
    }

    Histogram.Builder define(Histogram.Builder builder) {
        builder.buckets(bounds);
        return percentiles.length > 0 ? builder.quantiles() : builder;
    }

    /** Micrometer's picture of one series; {@code max} in Micrometer's unit. */
    HistogramSnapshot snapshot(HistogramSeries series, double max) {
        long[] cumulative = series.cumulativeCounts();
        long count = cumulative[cumulative.length - 1];
        double total = series.sum() * perBase;
        CountAtBucket[] counts = new CountAtBucket[buckets.length];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = new CountAtBucket(buckets[i], cumulative[i]);
        }
        return new HistogramSnapshot(count, total, max, percentileValues(series), counts, null);
    }

    private ValueAtPercentile[] percentileValues(HistogramSeries series) {
        if (percentiles.length == 0) {
            return new ValueAtPercentile[0];
        }
        QuantileSketch sketch = series.quantiles();
        ValueAtPercentile[] values = new ValueAtPercentile[percentiles.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = new ValueAtPercentile(percentiles[i], sketch.valueAt(percentiles[i]) * perBase);
        }
        return values;
    }
}
