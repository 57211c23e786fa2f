package io.tasker.metrics.benchmarks;

import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmCompilationMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmHeapPressureMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.format.PrometheusTextWriter;
import io.tasker.metrics.jvm.JvmMetrics;
import io.tasker.metrics.snapshot.MetricsSnapshot;
import java.io.IOException;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the JVM's own metrics add to each scrape: a registry holding nothing but them, as each
 * library registers them with one call, read fresh from the JDK's management beans. Ours
 * ({@link JvmMetrics}, read in a snapshot hook), client_java's {@code JvmMetrics} (read in its
 * collectors' callbacks) and the Micrometer binders Spring Boot registers by default (JVM memory,
 * GC, heap pressure, threads, classes, info, compilation; processor, uptime, file descriptors), on
 * a {@code PrometheusMeterRegistry}.
 *
 * <p>{@code *Snapshot} is the read alone (values into an immutable snapshot); {@code *Text} adds
 * Prometheus text 0.0.4 into a stream that discards it, which is one scrape. The families differ
 * a little (client_java has a few more; Micrometer has others), so compare the scrape's cost, and
 * see {@code JvmMetricsBenchmarkTest} for the sizes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class JvmMetricsBenchmark {
    MetricRegistry tasker;
    JvmMetrics taskerJvm;
    PrometheusTextWriter taskerWriter;
    PrometheusRegistry clientJava;
    PrometheusTextFormatWriter clientJavaWriter;
    PrometheusMeterRegistry micrometer;
    List<MeterBinder> micrometerBinders;
    NullOutput out;

    @Setup
    public void setUp() {
        tasker = new MetricRegistry();
        taskerJvm = JvmMetrics.register(tasker);
        taskerWriter = new PrometheusTextWriter();
        clientJava = new PrometheusRegistry();
        io.prometheus.metrics.instrumentation.jvm.JvmMetrics.builder().register(clientJava);
        clientJavaWriter = PrometheusTextFormatWriter.create();
        micrometer = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        micrometerBinders = List.of(
                new JvmMemoryMetrics(),
                new JvmGcMetrics(),
                new JvmHeapPressureMetrics(),
                new JvmThreadMetrics(),
                new ClassLoaderMetrics(),
                new JvmInfoMetrics(),
                new JvmCompilationMetrics(),
                new ProcessorMetrics(),
                new UptimeMetrics(),
                new FileDescriptorMetrics());
        micrometerBinders.forEach(b -> b.bindTo(micrometer));
        out = new NullOutput();
    }

    @TearDown
    public void tearDown() throws Exception {
        taskerJvm.close();
        for (MeterBinder b : micrometerBinders) {
            if (b instanceof AutoCloseable closeable) {
                closeable.close(); // the GC and heap pressure binders hold notification listeners
            }
        }
        micrometer.close();
    }

    @Benchmark
    public MetricsSnapshot taskerSnapshot() {
        return tasker.snapshot();
    }

    @Benchmark
    public void taskerText() throws IOException {
        taskerWriter.write(out, tasker.snapshot());
    }

    @Benchmark
    public MetricSnapshots clientJavaSnapshot() {
        return clientJava.scrape();
    }

    @Benchmark
    public void clientJavaText() throws IOException {
        clientJavaWriter.write(out, clientJava.scrape());
    }

    @Benchmark
    public MetricSnapshots micrometerSnapshot() {
        return micrometer.getPrometheusRegistry().scrape();
    }

    @Benchmark
    public void micrometerText() throws IOException {
        micrometer.scrape(out);
    }
}
