package io.tasker.metrics.benchmarks;

import java.util.Arrays;
import java.util.Locale;

/**
 * Repeated measurements of one case in milliseconds: median, 90th percentile (nearest rank) and
 * maximum. A median and a p90 rather than a mean, because on a shared two-core machine one run
 * that met another process's build says nothing about the code.
 *
 * <p>{@code Timing t = Timing.of(nanos); t.median();}
 */
record Timing(int runs, double median, double p90, double max) {

    static Timing of(long[] nanos) {
        if (nanos.length == 0) {
            throw new IllegalArgumentException("no measurements");
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
        long p90 = sorted[(int) Math.ceil(0.9 * n) - 1];
        return new Timing(n, median / 1e6, p90 / 1e6, sorted[n - 1] / 1e6);
    }

    /** Milliseconds with as many decimals as a figure of that size deserves. */
    static String ms(double millis) {
        if (millis >= 100) {
            return String.format(Locale.ROOT, "%,.0f", millis);
        }
        return String.format(Locale.ROOT, millis >= 10 ? "%.1f" : "%.2f", millis);
    }
}
