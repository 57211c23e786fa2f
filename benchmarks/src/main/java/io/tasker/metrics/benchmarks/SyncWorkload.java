package io.tasker.metrics.benchmarks;

import io.tasker.metrics.Counter;
import io.tasker.metrics.CounterSeries;
import io.tasker.metrics.Histogram;
import io.tasker.metrics.HistogramSeries;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.RegistryOptions;
import io.tasker.metrics.snapshot.CounterSnapshot;
import io.tasker.metrics.snapshot.HistogramSnapshot;
import io.tasker.metrics.snapshot.MetricFamilySnapshot;
import io.tasker.metrics.snapshot.MetricsSnapshot;
import java.util.List;

/**
 * One instance's registry for {@link SyncBenchmark}: {@code series} series, nine in ten counters
 * and one in ten histograms (the design document's eleven default buckets, no quantile sketch),
 * every one with the two labels {@code task_name} and {@code status}, in families of
 * {@code familySize} series ({@code workflow_step_<f>_total}, {@code workflow_step_<f>_duration_seconds}).
 * That is the shape a workflow engine's instance has: many task/status counters, fewer durations.
 *
 * <p>{@link #changeAll()} adds one to every counter and one observation to every histogram, so
 * that every series differs from the last sync and the sync has no unchanged series to skip.
 *
 * <pre>{@code
 * SyncWorkload w = new SyncWorkload(10_000, SyncWorkload.FAMILY_SIZE);
 * w.changeAll();
 * MetricsSnapshot s = w.registry().snapshot();
 * }</pre>
 */
final class SyncWorkload {
    /** Series per family: well inside the registry's default limit of 10,000 per metric. */
    static final int FAMILY_SIZE = 1_000;

    static final int HISTOGRAM_PERCENT = 10;
    /** Observations each histogram series holds before the first sync, so its buckets are not all zero. */
    static final int FIRST_OBSERVATIONS = 20;

    private static final List<String> STATUSES = List.of(
            "success", "failure", "retry", "timeout", "cancelled", "skipped", "queued", "running", "paused", "expired");

    private final MetricRegistry registry = new MetricRegistry(RegistryOptions.defaults());
    private final CounterSeries[] counters;
    private final HistogramSeries[] histograms;
    private int step;

    SyncWorkload(int series, int familySize) {
        if (series < 10 || familySize < 1) {
            throw new IllegalArgumentException(
                    "at least 10 series and families of 1 or more, got " + series + " and " + familySize);
        }
        histograms = new HistogramSeries[series * HISTOGRAM_PERCENT / 100];
        counters = new CounterSeries[series - histograms.length];
        for (int i = 0; i < counters.length; i++) {
            Counter family = registry.counter("workflow_step_" + (i / familySize) + "_total", "task_name", "status");
            counters[i] = family.labels(taskName(i % familySize), status(i % familySize));
        }
        for (int i = 0; i < histograms.length; i++) {
            Histogram family = Histogram.builder("workflow_step_" + (i / familySize) + "_duration_seconds")
                    .labelNames("task_name", "status")
                    .register(registry);
            histograms[i] = family.labels(taskName(i % familySize), status(i % familySize));
            for (int k = 0; k < FIRST_OBSERVATIONS; k++) {
                histograms[i].observe(Latencies.VALUES[(i + k) & Latencies.MASK]);
            }
        }
    }

    MetricRegistry registry() {
        return registry;
    }

    int series() {
        return counters.length + histograms.length;
    }

    int histogramSeries() {
        return histograms.length;
    }

    /** Changes every series: one more on each counter, one more observation in each histogram. */
    void changeAll() {
        step++;
        for (CounterSeries c : counters) {
            c.inc();
        }
        for (int i = 0; i < histograms.length; i++) {
            histograms[i].observe(Latencies.VALUES[(i + step) & Latencies.MASK]);
        }
    }

    /** The counter values and histogram counts of a snapshot, added up: what the cluster view must add up to. */
    static Totals totals(MetricsSnapshot snapshot) {
        double counters = 0;
        long observations = 0;
        for (MetricFamilySnapshot f : snapshot.families()) {
            if (f instanceof CounterSnapshot c) {
                counters += c.points().stream()
                        .mapToDouble(CounterSnapshot.Point::value)
                        .sum();
            } else if (f instanceof HistogramSnapshot h) {
                observations += h.points().stream()
                        .mapToLong(HistogramSnapshot.Point::count)
                        .sum();
            }
        }
        return new Totals(counters, observations);
    }

    /** Sums over all series of a snapshot. */
    record Totals(double counterSum, long histogramCount) {
        Totals plus(Totals o, int times) {
            return new Totals(counterSum + times * o.counterSum, histogramCount + times * o.histogramCount);
        }
    }

    /** Ten tasks per family share one name, each with the ten statuses: {@code i / 10} and {@code i % 10}. */
    private static String taskName(int indexInFamily) {
        return "task_" + (indexInFamily / STATUSES.size());
    }

    private static String status(int indexInFamily) {
        return STATUSES.get(indexInFamily % STATUSES.size());
    }
}
