package io.tasker.metrics.benchmarks;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.micrometer.TaskerMeterRegistry;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The same Micrometer calls against three registries in one run: Micrometer's
 * {@code SimpleMeterRegistry} and {@code PrometheusMeterRegistry}, and our
 * {@code TaskerMeterRegistry}. A counter increment and a timer record on meters the caller
 * holds, and a tag lookup ({@code registry.counter(name, tags...)}) that finds an existing
 * counter and increments it. Timers are as {@code registry.timer(name)} makes them: no
 * objectives, so Micrometer's registries keep count, total and maximum, and ours also the
 * collector's default buckets.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar MicrometerRegistryBenchmark -f 2 -prof gc
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
// Eight warmups, not three: the tag lookup is the longest path here, and on a loaded machine
// three seconds left some forks measuring it before the JIT had compiled it (docs/performance.md).
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 5, time = 1)
public class MicrometerRegistryBenchmark {
    @Param({"simple", "prometheus", "tasker"})
    public String registry;

    MeterRegistry meters;
    Counter counter;
    Timer timer;

    @Setup
    public void setUp() {
        meters = switch (registry) {
            case "simple" -> new SimpleMeterRegistry();
            case "prometheus" -> new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            case "tasker" -> new TaskerMeterRegistry(new MetricRegistry());
            default ->
                throw new IllegalArgumentException("registry must be simple, prometheus or tasker, got " + registry);
        };
        counter = meters.counter("requests", "method", "GET", "status", "200");
        timer = meters.timer("request.duration", "method", "GET");
    }

    @Benchmark
    public void counterIncrement() {
        counter.increment();
    }

    @Benchmark
    public void timerRecord() {
        timer.record(1_234_567, TimeUnit.NANOSECONDS);
    }

    @Benchmark
    public void tagLookup() {
        meters.counter("requests", "method", "GET", "status", "200").increment();
    }
}
