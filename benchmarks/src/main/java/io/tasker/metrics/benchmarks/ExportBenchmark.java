package io.tasker.metrics.benchmarks;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.tasker.metrics.Counter;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.format.PrometheusTextWriter;
import io.tasker.metrics.snapshot.MetricsSnapshot;
import java.io.IOException;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Case (e): a scrape of {@value #SERIES} counter series (ten families of 1,000 series, two
 * labels each) as Prometheus text 0.0.4 into a stream that discards it. Each invocation is
 * the whole scrape, and JMH divides by {@value #SERIES}: the scores are nanoseconds and bytes
 * per series, so {@code 1e9 / score} is series per second on one core.
 *
 * <p>{@code *SnapshotAndWrite} is what a scrape costs; {@code *Snapshot} and {@code *Write}
 * split it into taking the immutable picture and writing text from it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ExportBenchmark {
    static final int SERIES = 10_000;
    static final int FAMILIES = 10;

    MetricRegistry tasker;
    PrometheusTextWriter taskerWriter;
    MetricsSnapshot taskerSnapshot;
    PrometheusRegistry clientJava;
    PrometheusTextFormatWriter clientJavaWriter;
    MetricSnapshots clientJavaSnapshots;
    NullOutput out;

    @Setup
    public void setUp() {
        tasker = new MetricRegistry();
        clientJava = new PrometheusRegistry();
        Random random = new Random(1);
        int perFamily = SERIES / FAMILIES;
        for (int f = 0; f < FAMILIES; f++) {
            String name = "workflow_step_" + f + "_total";
            Counter ours = tasker.counter(name, "task_name", "status");
            io.prometheus.metrics.core.metrics.Counter theirs = io.prometheus.metrics.core.metrics.Counter.builder()
                    .name(name)
                    .help("workflow step " + f)
                    .labelNames("task_name", "status")
                    .register(clientJava);
            for (int s = 0; s < perFamily; s++) {
                String task = "task_name_" + (s / 10);
                String status = "status_" + (s % 10);
                long n = 1L + random.nextInt(1_000_000);
                ours.labels(task, status).inc(n);
                theirs.labelValues(task, status).inc(n);
            }
        }
        taskerWriter = new PrometheusTextWriter();
        clientJavaWriter = PrometheusTextFormatWriter.create();
        taskerSnapshot = tasker.snapshot();
        clientJavaSnapshots = clientJava.scrape();
        out = new NullOutput();
    }

    @Benchmark
    @OperationsPerInvocation(SERIES)
    public void taskerSnapshotAndWrite() throws IOException {
        taskerWriter.write(out, tasker.snapshot());
    }

    @Benchmark
    @OperationsPerInvocation(SERIES)
    public MetricsSnapshot taskerSnapshot() {
        return tasker.snapshot();
    }

    @Benchmark
    @OperationsPerInvocation(SERIES)
    public void taskerWrite() throws IOException {
        taskerWriter.write(out, taskerSnapshot);
    }

    @Benchmark
    @OperationsPerInvocation(SERIES)
    public void clientJavaSnapshotAndWrite() throws IOException {
        clientJavaWriter.write(out, clientJava.scrape());
    }

    @Benchmark
    @OperationsPerInvocation(SERIES)
    public MetricSnapshots clientJavaSnapshot() {
        return clientJava.scrape();
    }

    @Benchmark
    @OperationsPerInvocation(SERIES)
    public void clientJavaWrite() throws IOException {
        clientJavaWriter.write(out, clientJavaSnapshots);
    }
}
