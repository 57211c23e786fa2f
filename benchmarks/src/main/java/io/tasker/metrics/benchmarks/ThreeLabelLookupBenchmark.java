package io.tasker.metrics.benchmarks;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.tasker.metrics.Counter;
import io.tasker.metrics.MetricRegistry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
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
 * Three labels, 10,000 combinations, looked up in a shuffled order with values that are equal
 * copies of the ones the series were made with (values parsed from requests): every hit compares
 * the strings' contents, and at this size every library's lookup waits on memory. Tasker's
 * {@code labels(a, b, c)} takes no varargs array ({@link #taskerOneCall} is the one-call style,
 * {@code registry.counter(name, 1, k, v, ...)}); client_java's {@code labelValues(a, b, c)} and
 * Micrometer's {@code counter(name, tags...)} are called as their documentation shows.
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar ThreeLabelLookupBenchmark -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ThreeLabelLookupBenchmark {
    static final int COMBINATIONS = 10_000;

    /** The lookups' values, in a shuffled order, each an equal copy of the registered one. */
    String[][] order;

    MetricRegistry taskerRegistry;
    Counter tasker;
    io.prometheus.metrics.core.metrics.Counter clientJava;
    SimpleMeterRegistry micrometer;

    /** Each thread's position in the shuffled order. */
    @State(Scope.Thread)
    public static class Cursor {
        int i;

        int next() {
            i = i + 1 == COMBINATIONS ? 0 : i + 1;
            return i;
        }
    }

    @Setup
    public void setUp() {
        taskerRegistry = new MetricRegistry();
        tasker = taskerRegistry.counter("lookups_total", "task_name", "step_name", "status");
        clientJava = io.prometheus.metrics.core.metrics.Counter.builder()
                .name("lookups_total")
                .labelNames("task_name", "step_name", "status")
                .register(new PrometheusRegistry());
        micrometer = new SimpleMeterRegistry();
        List<String[]> combos = new ArrayList<>();
        String[] statuses = {"success", "failure", "retried", "skipped"};
        for (int i = 0; i < COMBINATIONS; i++) {
            String[] v = {"task_" + (i % 250), "step_" + (i / 250), statuses[i % 4]};
            tasker.labels(v[0], v[1], v[2]);
            taskerRegistry.incrementCounter(
                    "one_call_lookups_total", 0, "task_name", v[0], "step_name", v[1], "status", v[2]);
            clientJava.initLabelValues(v[0], v[1], v[2]);
            micrometer.counter("lookups", "task_name", v[0], "step_name", v[1], "status", v[2]);
            combos.add(new String[] {new String(v[0]), new String(v[1]), new String(v[2])});
        }
        Collections.shuffle(combos, new Random(42));
        order = combos.toArray(String[][]::new);
    }

    @Benchmark
    public void tasker(Cursor c) {
        String[] v = order[c.next()];
        tasker.labels(v[0], v[1], v[2]).inc();
    }

    /** The one-call style; its varargs array of six strings (40 B) is made by this call site. */
    @Benchmark
    public void taskerOneCall(Cursor c) {
        String[] v = order[c.next()];
        taskerRegistry.incrementCounter(
                "one_call_lookups_total", 1, "task_name", v[0], "step_name", v[1], "status", v[2]);
    }

    @Benchmark
    public void clientJava(Cursor c) {
        String[] v = order[c.next()];
        clientJava.labelValues(v[0], v[1], v[2]).inc();
    }

    @Benchmark
    public void micrometer(Cursor c) {
        String[] v = order[c.next()];
        micrometer
                .counter("lookups", "task_name", v[0], "step_name", v[1], "status", v[2])
                .increment();
    }
}
