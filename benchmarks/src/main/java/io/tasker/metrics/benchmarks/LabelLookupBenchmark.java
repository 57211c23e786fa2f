package io.tasker.metrics.benchmarks;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.LongCounter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.tasker.metrics.Counter;
import io.tasker.metrics.MetricRegistry;
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
 * Case (b): finding the series of two label values, then adding one, as code does that does not
 * keep handles. The values cycle through {@link LabelCombinations} (1,000 pairs, every series
 * created beforehand), so each call is a lookup that hits. With {@code strings=same} the series
 * were created from the very {@code String} instances that the lookups pass (label values that
 * are constants); with {@code strings=copies} from equal copies, so that every hit compares the
 * strings' contents (values that arrive in requests).
 *
 * <p>Each library is called the way its documentation shows: client_java
 * {@code labelValues(a, b)}, Micrometer {@code registry.counter(name, tags...)}, OpenTelemetry
 * with an {@code Attributes} built per call (it has no other way to name a series).
 * {@link #taskerOneCall} is the design document's one-call style, for comparison.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class LabelLookupBenchmark {
    static final AttributeKey<String> TASK = AttributeKey.stringKey("task_name");
    static final AttributeKey<String> STATUS = AttributeKey.stringKey("status");

    @Param({"same", "copies"})
    public String strings = "same";

    LabelCombinations labels;
    MetricRegistry taskerRegistry;
    Counter tasker;
    io.prometheus.metrics.core.metrics.Counter clientJava;
    SimpleMeterRegistry micrometer;
    LongCounter otel;
    LiveOtelReader otelReader;

    /** Each thread's position in the label pairs, so that threads share no counter. */
    @State(Scope.Thread)
    public static class Cursor {
        int i;

        int next() {
            int n = LabelCombinations.next(i);
            i = n;
            return n;
        }
    }

    @Setup
    public void setUp() {
        labels = LabelCombinations.create();
        taskerRegistry = new MetricRegistry();
        tasker = taskerRegistry.counter("lookups_total", "task_name", "status");
        clientJava = io.prometheus.metrics.core.metrics.Counter.builder()
                .name("lookups_total")
                .labelNames("task_name", "status")
                .register(new PrometheusRegistry());
        micrometer = new SimpleMeterRegistry();
        otelReader = new LiveOtelReader();
        otel = LiveOtelReader.provider(otelReader)
                .get("io.tasker.metrics.benchmarks")
                .counterBuilder("lookups")
                .build();
        boolean copy = strings.equals("copies");
        for (int i = 0; i < LabelCombinations.COUNT; i++) {
            String a = labels.firstToRegister(i, copy);
            String b = labels.secondToRegister(i, copy);
            tasker.labels(a, b);
            taskerRegistry.incrementCounter("one_call_lookups_total", 0, "task_name", a, "status", b);
            clientJava.initLabelValues(a, b);
            micrometer.counter("lookups", "task_name", a, "status", b);
            otel.add(0, Attributes.of(TASK, a, STATUS, b));
        }
    }

    @Benchmark
    public void tasker(Cursor c) {
        int i = c.next();
        tasker.labels(labels.first(i), labels.second(i)).inc();
    }

    @Benchmark
    public void taskerOneCall(Cursor c) {
        int i = c.next();
        taskerRegistry.incrementCounter(
                "one_call_lookups_total", 1, "task_name", labels.first(i), "status", labels.second(i));
    }

    @Benchmark
    public void clientJava(Cursor c) {
        int i = c.next();
        clientJava.labelValues(labels.first(i), labels.second(i)).inc();
    }

    @Benchmark
    public void micrometer(Cursor c) {
        int i = c.next();
        micrometer
                .counter("lookups", "task_name", labels.first(i), "status", labels.second(i))
                .increment();
    }

    @Benchmark
    public void otel(Cursor c) {
        int i = c.next();
        otel.add(1, Attributes.of(TASK, labels.first(i), STATUS, labels.second(i)));
    }
}
