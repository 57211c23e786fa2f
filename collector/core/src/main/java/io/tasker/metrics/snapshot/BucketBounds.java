package io.tasker.metrics.snapshot;

import java.util.Arrays;
import java.util.List;

/**
 * The finite upper bounds of a histogram's buckets; {@code +Inf} is implied after the last.
 *
 * <p>Each bound's canonical {@code le} text is computed once here, so writers never format a
 * bound per series.
 *
 * <pre>{@code
 * BucketBounds bounds = BucketBounds.of(0.1, 0.5, 1);
 * bounds.le(2);    // "1.0"
 * bounds.le(3);    // "+Inf"
 * }</pre>
 */
public final class BucketBounds {
    /** The default buckets, in seconds: 5 ms to 10 s, where task and step durations fall (as client_java's). */
    public static final BucketBounds DEFAULT = of(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10);

    private final double[] bounds;
    private final String[] le;

    private BucketBounds(double[] bounds) {
        this.bounds = bounds;
        this.le = new String[bounds.length + 1];
        for (int i = 0; i < bounds.length; i++) {
            le[i] = canonical(bounds[i]);
        }
        le[bounds.length] = "+Inf";
    }

    /**
     * Validates and wraps bounds: finite, strictly increasing. A trailing {@code +Inf} is
     * accepted and dropped, since every histogram has it anyway.
     *
     * @param bounds the finite upper bounds, in increasing order
     * @return the bounds, copied
     * @throws IllegalArgumentException for a bound that is not finite, or bounds not strictly increasing
     */
    public static BucketBounds of(double... bounds) {
        double[] b = bounds.length > 0 && bounds[bounds.length - 1] == Double.POSITIVE_INFINITY
                ? Arrays.copyOf(bounds, bounds.length - 1)
                : bounds.clone();
        for (int i = 0; i < b.length; i++) {
            if (!Double.isFinite(b[i])) {
                throw new IllegalArgumentException("Bucket bound " + b[i] + " at position " + i
                        + " is not finite; only the implied last bucket is +Inf");
            }
            if (i > 0 && b[i] <= b[i - 1]) {
                throw new IllegalArgumentException("Bucket bounds must be sorted and unique, but " + b[i] + " follows "
                        + b[i - 1] + " in " + Arrays.toString(bounds));
            }
        }
        return new BucketBounds(b);
    }

    /**
     * The number of buckets, counting {@code +Inf}.
     *
     * @return the finite bounds plus one
     */
    public int bucketCount() {
        return bounds.length + 1;
    }

    /**
     * The canonical {@code le} label value of bucket {@code i}, such as {@code "0.5"} or {@code "+Inf"}.
     *
     * @param i the bucket, from 0 to {@link #bucketCount()} - 1
     * @return its {@code le} text
     */
    public String le(int i) {
        return le[i];
    }

    /**
     * The bucket an observation falls into: the first whose bound is at least the value,
     * the {@code +Inf} bucket when none is.
     *
     * @param value the observation
     * @return the bucket's index, from 0 to {@link #bucketCount()} - 1
     */
    public int bucketOf(double value) {
        double[] b = bounds;
        int lo = 0;
        int hi = b.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (b[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * The finite upper bounds, without {@code +Inf}.
     *
     * @return an unmodifiable list in increasing order
     */
    public List<Double> toList() {
        return Arrays.stream(bounds).boxed().toList();
    }

    /**
     * The canonical text of a bound: Prometheus and OpenMetrics both expect {@code le="1.0"}
     * for the bucket that Go and client_java write as 1.0, so integers keep one decimal.
     */
    static String canonical(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return (long) d + ".0";
        }
        return Double.toString(d);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BucketBounds other && Arrays.equals(bounds, other.bounds);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bounds);
    }

    @Override
    public String toString() {
        return Arrays.toString(bounds);
    }
}
