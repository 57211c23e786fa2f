package io.tasker.metrics.benchmarks;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Summary;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.tasker.metrics.Histogram;
import io.tasker.metrics.HistogramSeries;
import io.tasker.metrics.MetricRegistry;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.PackedHistogram;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One observation into a series that keeps quantiles, the caller holding the series: ours (the
 * classic buckets plus the quantile sketch), ours as it was until December 2026 (the same buckets
 * plus a packed HdrHistogram under a lock), and each peer's own way to quantiles: client_java's
 * {@code Summary} with p50/p90/p95/p99, Micrometer's {@code DistributionSummary} publishing those
 * percentiles, OpenTelemetry's base-2 exponential histogram. Values as in
 * {@link HistogramBenchmark}; with {@code -t 2} both threads share the series.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class QuantileBenchmark {
    static final double[] QUANTILES = {0.5, 0.9, 0.95, 0.99};

    MetricRegistry taskerRegistry;
    HistogramSeries tasker;
    HistogramSeries taskerBefore;
    org.HdrHistogram.DoubleHistogram packedSketch;
    DistributionDataPoint clientJava;
    DistributionSummary micrometer;
    DoubleHistogram otel;
    Attributes otelAttributes;
    LiveOtelReader otelReader;

    @Setup
    public void setUp() {
        taskerRegistry = new MetricRegistry();
        tasker = Histogram.builder("task_duration_seconds")
                .labelNames("task_name")
                .buckets(Latencies.buckets())
                .quantiles()
                .register(taskerRegistry)
                .labels("payment_processing");
        taskerBefore = Histogram.builder("task_duration_before_seconds")
                .labelNames("task_name")
                .buckets(Latencies.buckets())
                .register(taskerRegistry)
                .labels("payment_processing");
        packedSketch = new org.HdrHistogram.DoubleHistogram(2, PackedHistogram.class);

        Summary.Builder summary =
                Summary.builder().name("task_duration_seconds").labelNames("task_name");
        for (double q : QUANTILES) {
            summary.quantile(q);
        }
        clientJava = summary.register(new PrometheusRegistry()).labelValues("payment_processing");

        micrometer = DistributionSummary.builder("task_duration")
                .baseUnit("seconds")
                .tag("task_name", "payment_processing")
                .publishPercentiles(QUANTILES)
                .register(new SimpleMeterRegistry());

        otelReader = LiveOtelReader.exponential();
        otel = LiveOtelReader.provider(otelReader)
                .get("io.tasker.metrics.benchmarks")
                .histogramBuilder("task_duration")
                .setUnit("s")
                .build();
        otelAttributes = Attributes.of(AttributeKey.stringKey("task_name"), "payment_processing");
    }

    @Benchmark
    public void tasker(HistogramBenchmark.Cursor c) {
        tasker.observe(c.next());
    }

    @Benchmark
    @SuppressWarnings("SynchronizeOnNonFinalField") // Set once in the setup, before any benchmark thread runs.
    public void taskerBefore(HistogramBenchmark.Cursor c) {
        double v = c.next();
        taskerBefore.observe(v);
        synchronized (packedSketch) {
            packedSketch.recordValue(v);
        }
    }

    @Benchmark
    public void clientJava(HistogramBenchmark.Cursor c) {
        clientJava.observe(c.next());
    }

    @Benchmark
    public void micrometer(HistogramBenchmark.Cursor c) {
        micrometer.record(c.next());
    }

    @Benchmark
    public void otel(HistogramBenchmark.Cursor c) {
        otel.record(c.next(), otelAttributes);
    }
}
