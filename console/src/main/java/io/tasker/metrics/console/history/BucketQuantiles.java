package io.tasker.metrics.console.history;

/**
 * Quantiles estimated from bucket counts the way Prometheus's {@code histogram_quantile} does:
 * linear within the bucket that holds the rank, the last finite bound for the {@code +Inf}
 * bucket. An estimate; pages mark it as one.
 *
 * <pre>{@code
 * BucketQuantiles.estimate(new double[] {0.1, 1}, new long[] {10, 80, 10}, 0.5); // 0.5
 * }</pre>
 */
public final class BucketQuantiles {
    private BucketQuantiles() {}

    /**
     * @param bounds the finite upper bounds
     * @param counts each bucket's own count (not cumulative), one more than the bounds ({@code +Inf})
     * @param q the quantile, 0 to 1
     * @return the estimate, or null when the buckets are empty
     */
    public static Double estimate(double[] bounds, long[] counts, double q) {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        if (total == 0 || counts.length != bounds.length + 1) {
            return null;
        }
        double rank = q * total;
        long below = 0;
        for (int i = 0; i < counts.length; i++) {
            if (below + counts[i] >= rank && counts[i] > 0) {
                if (i == bounds.length) {
                    return bounds.length == 0 ? null : bounds[bounds.length - 1];
                }
                double lower = i == 0 ? Math.min(0, bounds[0]) : bounds[i - 1];
                return lower + (bounds[i] - lower) * (rank - below) / counts[i];
            }
            below += counts[i];
        }
        return bounds.length == 0 ? null : bounds[bounds.length - 1];
    }

    /** Bounds as {@code history_series.bounds} keeps them, {@code 0.1,1.0}. */
    public static double[] parse(String bounds) {
        if (bounds == null || bounds.isBlank()) {
            return new double[0];
        }
        String[] parts = bounds.split(",");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Double.parseDouble(parts[i]);
        }
        return out;
    }
}
