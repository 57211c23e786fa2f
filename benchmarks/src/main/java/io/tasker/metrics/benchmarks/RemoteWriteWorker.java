package io.tasker.metrics.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import io.tasker.metrics.export.remote.Compression;
import io.tasker.metrics.export.remote.RemoteWriteClient;
import io.tasker.metrics.export.remote.RemoteWriteResult;
import io.tasker.metrics.export.remote.RemoteWriteSettings;
import io.tasker.metrics.snapshot.MetricsSnapshot;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The child JVM of {@link RemoteWriteBenchmark}, started with {@code -Xmx256m} so that the
 * export's heap limit is the JVM's own: builds {@link DesignSeries} of the given size, pushes it
 * {@code runs} times to the Prometheus at {@code endpoint} (a fresh timestamp each time, since
 * Prometheus refuses a second sample at the same instant), and prints {@link ReportLine}s: the
 * snapshot, each run, the heap peak over the runs and the payload sizes in each compression.
 * Exits 1 when a push fails.
 *
 * <pre>{@code
 * java -Xmx256m -cp benchmarks/target/benchmarks.jar io.tasker.metrics.benchmarks.RemoteWriteWorker \
 *     10000 6 http://127.0.0.1:9090/api/v1/write <prometheus pid>
 * }</pre>
 */
public final class RemoteWriteWorker {
    static final int BATCH_SIZE = RemoteWriteSettings.DEFAULT_BATCH_SIZE;

    private RemoteWriteWorker() {}

    public static void main(String[] args) throws Exception {
        int size = Integer.parseInt(args[0]);
        int runs = Integer.parseInt(args[1]);
        URI endpoint = URI.create(args[2]);
        ProcessHandle prometheus = ProcessHandle.of(Long.parseLong(args[3])).orElseThrow();

        long start = System.nanoTime();
        MetricsSnapshot snapshot = DesignSeries.snapshot(size);
        long buildMillis = (System.nanoTime() - start) / 1_000_000;
        System.out.println(ReportLine.format(
                "SNAPSHOT",
                "points",
                snapshot.seriesCount(),
                "buildMs",
                buildMillis,
                "heldBytes",
                HeapWatch.settledHeap(),
                "maxHeap",
                Runtime.getRuntime().maxMemory()));

        // The design document's defaults, but a failure must fail the benchmark, not become a skip.
        RemoteWriteSettings settings = new RemoteWriteSettings(
                endpoint,
                null,
                null,
                RemoteWriteSettings.DEFAULT_TIMEOUT,
                RemoteWriteSettings.DEFAULT_RETRY_ATTEMPTS,
                Compression.SNAPPY,
                BATCH_SIZE,
                false);
        RemoteWriteClient client = new RemoteWriteClient(settings);
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (HeapWatch watch = HeapWatch.start()) {
            for (int run = 1; run <= runs; run++) {
                Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
                MetricsSnapshot stamped = new MetricsSnapshot(at, snapshot.families());
                long cpu = os.getProcessCpuTime();
                long promCpu = cpuNanos(prometheus);
                long t0 = System.nanoTime();
                RemoteWriteResult r = client.push(stamped);
                long nanos = System.nanoTime() - t0;
                if (!r.success()) {
                    System.out.println(ReportLine.format("FAILED", "run", run, "requests", r.requests()));
                    System.out.println("Push " + run + " failed: " + r.error());
                    System.exit(1);
                }
                System.out.println(ReportLine.format(
                        "RUN",
                        "run",
                        run,
                        "micros",
                        nanos / 1_000,
                        "requests",
                        r.requests(),
                        "attempts",
                        r.attempts(),
                        "series",
                        r.series(),
                        "raw",
                        r.uncompressedBytes(),
                        "sent",
                        r.sentBytes(),
                        "cpuMs",
                        (os.getProcessCpuTime() - cpu) / 1_000_000,
                        "prometheusCpuMs",
                        (cpuNanos(prometheus) - promCpu) / 1_000_000,
                        "timestampMs",
                        at.toEpochMilli()));
            }
            HeapWatch.Peak peak = watch.peak();
            System.out.println(ReportLine.format(
                    "HEAP",
                    "peakUsed",
                    peak.used(),
                    "peakAfterGc",
                    peak.afterGc(),
                    "collections",
                    peak.collections(),
                    "gcMs",
                    peak.gcMillis()));
        }
        Payload p = Payload.measure(snapshot, BATCH_SIZE);
        System.out.println(ReportLine.format(
                "PAYLOAD",
                "requests",
                p.requests(),
                "series",
                p.series(),
                "raw",
                p.raw(),
                "snappy",
                p.snappy(),
                "gzip",
                p.gzip(),
                "encodeMicros",
                p.encodeNanos() / 1_000,
                "snappyMicros",
                p.snappyNanos() / 1_000,
                "gzipMicros",
                p.gzipNanos() / 1_000));
    }

    private static long cpuNanos(ProcessHandle process) {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }
}
