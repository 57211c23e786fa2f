package io.tasker.metrics.benchmarks;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.tasker.metrics.Histogram;
import io.tasker.metrics.HistogramSeries;
import io.tasker.metrics.MetricRegistry;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * Case (c): one observation into a histogram series the caller holds, with the eleven default
 * bucket bounds (plus {@code +Inf}) in every library: client_java as a classic-only histogram,
 * Micrometer as a {@code DistributionSummary} with those bounds as service level objectives,
 * OpenTelemetry as a {@code DoubleHistogram} with them as explicit bucket advice.
 * Histograms that also keep quantiles are {@link QuantileBenchmark}'s. With {@code -t 2} both
 * threads share the series.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class HistogramBenchmark {
    MetricRegistry taskerRegistry;
    HistogramSeries tasker;
    DistributionDataPoint clientJava;
    DistributionSummary micrometer;
    DoubleHistogram otel;
    Attributes otelAttributes;
    LiveOtelReader otelReader;

    /** Each thread's position in {@link Latencies#VALUES}. */
    @State(Scope.Thread)
    public static class Cursor {
        int i;

        double next() {
            return Latencies.VALUES[i++ & Latencies.MASK];
        }
    }

    @Setup
    public void setUp() {
        taskerRegistry = new MetricRegistry();
        tasker = Histogram.builder("task_duration_seconds")
                .labelNames("task_name")
                .buckets(Latencies.buckets())
                .register(taskerRegistry)
                .labels("payment_processing");

        clientJava = io.prometheus.metrics.core.metrics.Histogram.builder()
                .name("task_duration_seconds")
                .labelNames("task_name")
                .classicOnly()
                .classicUpperBounds(Latencies.buckets())
                .register(new PrometheusRegistry())
                .labelValues("payment_processing");

        micrometer = DistributionSummary.builder("task_duration")
                .baseUnit("seconds")
                .tag("task_name", "payment_processing")
                .serviceLevelObjectives(Latencies.buckets())
                .register(new SimpleMeterRegistry());

        otelReader = new LiveOtelReader();
        List<Double> bounds = Arrays.stream(Latencies.buckets()).boxed().toList();
        otel = LiveOtelReader.provider(otelReader)
                .get("io.tasker.metrics.benchmarks")
                .histogramBuilder("task_duration")
                .setUnit("s")
                .setExplicitBucketBoundariesAdvice(bounds)
                .build();
        otelAttributes = Attributes.of(AttributeKey.stringKey("task_name"), "payment_processing");
    }

    @Benchmark
    public void tasker(Cursor c) {
        tasker.observe(c.next());
    }

    @Benchmark
    public void clientJava(Cursor c) {
        clientJava.observe(c.next());
    }

    @Benchmark
    public void micrometer(Cursor c) {
        micrometer.record(c.next());
    }

    @Benchmark
    public void otel(Cursor c) {
        otel.record(c.next(), otelAttributes);
    }
}
