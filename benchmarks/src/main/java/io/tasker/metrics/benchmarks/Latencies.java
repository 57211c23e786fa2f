package io.tasker.metrics.benchmarks;

import java.util.Random;

/**
 * Pre-generated observations for the histogram benchmarks: log-uniform between 1 ms and 20 s,
 * so that they spread over all twelve default buckets and the bucket search cannot be
 * predicted from the previous call. Every library observes the same sequence.
 *
 * <pre>{@code
 * double v = Latencies.VALUES[i & Latencies.MASK];
 * }</pre>
 */
public final class Latencies {
    /** The design document's default buckets; client_java's default classic buckets are the same. */
    private static final double[] BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    /** The default buckets, a copy for each caller. */
    public static double[] buckets() {
        return BUCKETS.clone();
    }

    public static final int MASK = 1023;
    public static final double[] VALUES = values(MASK + 1, 7);

    private Latencies() {}

    /** {@code n} log-uniform values between 1 ms and 20 s from {@code seed}. */
    public static double[] values(int n, long seed) {
        Random random = new Random(seed);
        double lo = Math.log(0.001);
        double hi = Math.log(20);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = Math.exp(lo + random.nextDouble() * (hi - lo));
        }
        return v;
    }
}
