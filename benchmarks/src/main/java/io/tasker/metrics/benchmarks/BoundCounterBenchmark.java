package io.tasker.metrics.benchmarks;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.tasker.metrics.CounterSeries;
import io.tasker.metrics.MetricRegistry;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
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
 * Case (a): adding one to a counter series that the caller already holds, the cost of the hot
 * path once labels are resolved. Every library counts into one series with the labels
 * {@code method="GET", status="200"}; with {@code -t 2} both threads share that series.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar BoundCounterBenchmark -t 2 -prof gc
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class BoundCounterBenchmark {
    LongAdder longAdder;
    CounterSeries tasker;
    CounterDataPoint clientJava;
    io.micrometer.core.instrument.Counter micrometer;
    LongCounter otel;
    Attributes otelAttributes;
    LiveOtelReader otelReader;

    @Setup
    public void setUp() {
        longAdder = new LongAdder();

        tasker = new MetricRegistry()
                .counter("requests_total", "method", "status")
                .labels("GET", "200");

        clientJava = io.prometheus.metrics.core.metrics.Counter.builder()
                .name("requests_total")
                .labelNames("method", "status")
                .register(new PrometheusRegistry())
                .labelValues("GET", "200");

        micrometer = new SimpleMeterRegistry().counter("requests", "method", "GET", "status", "200");

        otelReader = new LiveOtelReader();
        SdkMeterProvider provider = LiveOtelReader.provider(otelReader);
        otel = provider.get("io.tasker.metrics.benchmarks")
                .counterBuilder("requests")
                .build();
        otelAttributes =
                Attributes.of(AttributeKey.stringKey("method"), "GET", AttributeKey.stringKey("status"), "200");
    }

    @Benchmark
    public void longAdder() {
        longAdder.increment();
    }

    @Benchmark
    public void tasker() {
        tasker.inc();
    }

    @Benchmark
    public void clientJava() {
        clientJava.inc();
    }

    @Benchmark
    public void micrometer() {
        micrometer.increment();
    }

    /** OpenTelemetry has no bound handle; the nearest is an attribute set built once. */
    @Benchmark
    public void otel() {
        otel.add(1, otelAttributes);
    }
}
