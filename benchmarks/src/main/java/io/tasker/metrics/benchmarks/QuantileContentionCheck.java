package io.tasker.metrics.benchmarks;

import io.tasker.metrics.Histogram;
import io.tasker.metrics.HistogramSeries;
import io.tasker.metrics.MetricRegistry;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Two threads observe into one histogram series with a quantile sketch for a few seconds and
 * this checks that both keep making progress. With HdrHistogram's packed {@code DoubleRecorder},
 * which the collector used at first, they could stop for good, each spinning inside the
 * concurrent packed array's resize (see docs/performance.md); this stays as a guard over the
 * collector's own lock-free recorder, whose directory grows while both threads write.
 * Exits 0 when both threads progressed throughout, 1 when they stalled; either way within the
 * time given, since the recording threads are daemons.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar io.tasker.metrics.benchmarks.QuantileContentionCheck 20
 * }</pre>
 */
public final class QuantileContentionCheck {
    /** Seconds without progress from either thread that count as a stall. */
    private static final int STALL_SECONDS = 3;

    private QuantileContentionCheck() {}

    public static void main(String[] args) throws InterruptedException {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        for (int round = 1; round <= rounds; round++) {
            String verdict = run(seconds);
            System.out.println("Quantile histogram series, 2 threads, round " + round + ": " + verdict);
            if (verdict.startsWith("STALLED")) {
                System.exit(1);
            }
        }
    }

    /** Records from two threads into a fresh series for up to {@code seconds}. */
    static String run(int seconds) throws InterruptedException {
        HistogramSeries series = Histogram.builder("contention_seconds")
                .quantiles()
                .register(new MetricRegistry())
                .labels();
        AtomicLongArray progress = new AtomicLongArray(2);
        for (int t = 0; t < 2; t++) {
            int id = t;
            Thread writer = new Thread(
                    () -> {
                        for (long n = 1; ; n++) {
                            series.observe(Latencies.VALUES[(int) n & Latencies.MASK]);
                            if ((n & 1023) == 0) {
                                progress.lazySet(id, n);
                            }
                        }
                    },
                    "quantile-writer-" + t);
            // Daemons: a stalled writer never returns, and must not keep the JVM alive.
            writer.setDaemon(true);
            writer.start();
        }
        long[] last = new long[2];
        int still = 0;
        for (int s = 1; s <= seconds; s++) {
            Thread.sleep(1_000);
            long a = progress.get(0);
            long b = progress.get(1);
            still = a == last[0] || b == last[1] ? still + 1 : 0;
            last[0] = a;
            last[1] = b;
            if (still >= STALL_SECONDS) {
                return "STALLED after " + s + " s (" + a + " and " + b + " observations)";
            }
        }
        return "ok for " + seconds + " s (" + last[0] + " and " + last[1] + " observations)";
    }
}
