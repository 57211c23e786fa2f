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
 * @param buckets finite upper bounds in Micrometer's unit (nanoseconds for timers), ascending
 * @param toBase factor from Micrometer's unit to the exposed one (1e-9 for timers, whose
 *     exposed unit is seconds; 1 for summaries)
 * @param percentiles the percentiles the meter asked for, 0..1
 */
record HistogramShape(double[] buckets, double toBase, double[] percentiles) {
    static HistogramShape of(DistributionStatisticConfig config, double toBase) {
        double[] asked = config.getHistogramBuckets(true).stream().mapToDouble(Double::doubleValue)
                .filter(Double::isFinite).toArray();
        double[] buckets = asked.length > 0 ? asked : defaults(toBase);
        double[] p = config.getPercentiles();
        return new HistogramShape(buckets, toBase, p == null ? new double[0] : p.clone());
    }

    /** The collector's default bounds (0.005 s to 10 s), in Micrometer's unit. */
    private static double[] defaults(double toBase) {
        BucketBounds d = BucketBounds.DEFAULT;
        double[] b = new double[d.bucketCount() - 1];
        for (int i = 0; i < b.length; i++) {
            b[i] = d.upperBound(i) / toBase;
        }
        return b;
    }

    Histogram.Builder define(Histogram.Builder builder) {
        double[] bounds = new double[buckets.length];
        for (int i = 0; i < bounds.length; i++) {
            bounds[i] = buckets[i] * toBase;
        }
        builder.buckets(bounds);
        return percentiles.length > 0 ? builder.quantiles() : builder;
    }

    /** Micrometer's picture of one series; {@code max} in Micrometer's unit. */
    HistogramSnapshot snapshot(HistogramSeries series, double max) {
        long[] cumulative = series.cumulativeCounts();
        long count = cumulative[cumulative.length - 1];
        double total = series.sum() / toBase;
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
            values[i] = new ValueAtPercentile(percentiles[i], sketch.valueAt(percentiles[i]) / toBase);
        }
        return values;
    }
}
