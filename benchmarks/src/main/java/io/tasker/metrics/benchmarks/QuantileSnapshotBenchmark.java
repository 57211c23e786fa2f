package io.tasker.metrics.benchmarks;

import io.tasker.metrics.Histogram;
import io.tasker.metrics.HistogramSeries;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.snapshot.MetricsSnapshot;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a scrape costs for histograms with quantile sketches: {@value #SERIES} series that hold
 * 1,000 observations each, 100 more arriving in each series between two snapshots (outside the
 * measurement). Scores are per series. No peer keeps a mergeable sketch per series, so this
 * has no comparison; it documents the price of {@code Histogram.Builder.quantiles()}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class QuantileSnapshotBenchmark {
    static final int SERIES = 100;

    MetricRegistry registry;
    HistogramSeries[] series;
    private int next;

    @Setup
    public void setUp() {
        registry = new MetricRegistry();
        Histogram h = Histogram.builder("task_duration_seconds")
                .labelNames("task_name")
                .buckets(Latencies.buckets())
                .quantiles()
                .register(registry);
        series = new HistogramSeries[SERIES];
        for (int s = 0; s < SERIES; s++) {
            series[s] = h.labels("task_" + s);
            for (double v : Latencies.values(1_000, s)) {
                series[s].observe(v);
            }
        }
        registry.snapshot();
    }

    /** New observations since the last snapshot, as a live service has between two scrapes. */
    @Setup(Level.Invocation)
    public void observeMore() {
        for (HistogramSeries s : series) {
            for (int i = 0; i < 100; i++) {
                s.observe(Latencies.VALUES[next++ & Latencies.MASK]);
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(SERIES)
    public MetricsSnapshot taskerQuantileSnapshot() {
        return registry.snapshot();
    }
}
