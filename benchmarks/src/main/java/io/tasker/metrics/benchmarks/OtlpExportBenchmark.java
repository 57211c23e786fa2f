package io.tasker.metrics.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import com.sun.net.httpserver.HttpServer;
import io.tasker.metrics.export.otlp.OtlpMetricsClient;
import io.tasker.metrics.export.otlp.OtlpMetricsResult;
import io.tasker.metrics.export.otlp.OtlpMetricsSettings;
import io.tasker.metrics.export.otlp.internal.OtlpBatch;
import io.tasker.metrics.export.otlp.internal.OtlpMetricsEncoder;
import io.tasker.metrics.export.remote.Compression;
import io.tasker.metrics.export.remote.RemoteWriteClient;
import io.tasker.metrics.export.remote.RemoteWriteResult;
import io.tasker.metrics.export.remote.RemoteWriteSettings;
import io.tasker.metrics.export.remote.internal.RemoteWriteBatch;
import io.tasker.metrics.export.remote.internal.RemoteWriteEncoder;
import io.tasker.metrics.snapshot.MetricsSnapshot;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The OTLP metrics export beside remote write, on the same snapshot ({@link DesignSeries}, 100,000
 * remote write series by default) and the same receiver: a local HTTP sink that reads each body
 * and answers 200, so the figures are the exporter's (encoding, compression, HTTP), not a
 * backend's. Per push: wall time, this JVM's CPU, requests and bytes sent; then encoding alone;
 * and the heap peak after a GC over the OTLP pushes. Run it with {@code -Xmx256m}, which a
 * non-streaming exporter would not survive at a million series.
 *
 * <pre>{@code
 * java -Xmx256m -cp benchmarks/target/benchmarks.jar io.tasker.metrics.benchmarks.OtlpExportBenchmark 100000 7
 * }</pre>
 */
public final class OtlpExportBenchmark {
    private OtlpExportBenchmark() {}

    public static void main(String[] args) throws Exception {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        MetricsSnapshot snapshot = DesignSeries.snapshot(size);
        HttpServer sink = sink();
        String base = "http://127.0.0.1:" + sink.getAddress().getPort();
        try {
            RemoteWriteClient rw = new RemoteWriteClient(new RemoteWriteSettings(
                    URI.create(base + "/api/v1/write"),
                    null,
                    null,
                    Duration.ofMinutes(2),
                    3,
                    Compression.SNAPPY,
                    1_000,
                    false));
            OtlpMetricsClient plain = otlp(base, Compression.NONE);
            OtlpMetricsClient gzip = otlp(base, Compression.GZIP);
            System.out.printf(
                    "%,d remote write series = %,d snapshot points (OTLP data points)%n%n",
                    size, snapshot.seriesCount());
            System.out.println(
                    "| Export | Requests | Sent | Median wall time (min-max) | Median CPU | per 1,000 series |");
            System.out.println("|---|---:|---:|---:|---:|---:|");
            report("remote write, snappy", size, runs, () -> {
                RemoteWriteResult r = rw.push(stamped(snapshot));
                return new long[] {r.requests(), r.sentBytes(), r.success() ? 0 : 1};
            });
            report("OTLP, no compression", size, runs, () -> {
                OtlpMetricsResult r = plain.push(stamped(snapshot));
                return new long[] {r.requests(), r.sentBytes(), r.error() == null ? 0 : 1};
            });
            try (HeapWatch watch = HeapWatch.start()) {
                report("OTLP, gzip", size, runs, () -> {
                    OtlpMetricsResult r = gzip.push(stamped(snapshot));
                    return new long[] {r.requests(), r.sentBytes(), r.error() == null ? 0 : 1};
                });
                HeapWatch.Peak peak = watch.peak();
                System.out.printf(
                        "%nHeap over the gzip pushes: limit %,d MB, peak after a GC %,d MB, %d GCs (%d ms)%n",
                        Runtime.getRuntime().maxMemory() >> 20,
                        peak.afterGc() >> 20,
                        peak.collections(),
                        peak.gcMillis());
            }
            System.out.println();
            System.out.println("| Encoding alone (no compression, no HTTP) | Median | Raw bytes |");
            System.out.println("|---|---:|---:|");
            encodeOnly("remote write protobuf", runs, () -> rwEncode(snapshot));
            encodeOnly("OTLP protobuf", runs, () -> otlpEncode(snapshot));
        } finally {
            sink.stop(0);
            ((ExecutorService) sink.getExecutor()).shutdownNow();
        }
    }

    private static OtlpMetricsClient otlp(String base, Compression compression) {
        return new OtlpMetricsClient(new OtlpMetricsSettings(
                URI.create(base + "/v1/metrics"),
                Map.of(),
                compression,
                Duration.ofMinutes(2),
                3,
                1_000,
                false,
                Map.of("service.name", "tasker")));
    }

    private static MetricsSnapshot stamped(MetricsSnapshot s) {
        return new MetricsSnapshot(Instant.now(), s.families());
    }

    private static void report(String name, int size, int runs, Supplier<long[]> push) {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int warmUp = 0; warmUp < 2; warmUp++) {
            var unused = push.get(); // warm-up, not counted
        }
        List<Long> wall = new ArrayList<>();
        List<Long> cpu = new ArrayList<>();
        long[] last = null;
        for (int i = 0; i < runs; i++) {
            long c0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            last = push.get();
            wall.add((System.nanoTime() - t0) / 1_000_000);
            cpu.add((os.getProcessCpuTime() - c0) / 1_000_000);
            if (last[2] != 0) {
                throw new IllegalStateException(name + " failed");
            }
        }
        long median = median(wall);
        System.out.printf(
                "| %s | %,d | %,d B | %,d ms (%d-%d) | %,d ms | %.2f ms |%n",
                name,
                last[0],
                last[1],
                median,
                Collections.min(wall),
                Collections.max(wall),
                median(cpu),
                median * 1000.0 / size);
    }

    private static void encodeOnly(String name, int runs, Supplier<Long> encode) {
        var unused = encode.get(); // warm-up, not counted
        List<Long> times = new ArrayList<>();
        long bytes = 0;
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            bytes = encode.get();
            times.add((System.nanoTime() - t0) / 1_000_000);
        }
        System.out.printf("| %s | %,d ms | %,d B |%n", name, median(times), bytes);
    }

    private static long rwEncode(MetricsSnapshot s) {
        long bytes = 0;
        Iterator<RemoteWriteBatch> it = new RemoteWriteEncoder(1_000).batches(s);
        while (it.hasNext()) {
            bytes += it.next().protobuf().length;
        }
        return bytes;
    }

    private static long otlpEncode(MetricsSnapshot s) {
        long bytes = 0;
        Iterator<OtlpBatch> it =
                new OtlpMetricsEncoder(1_000, Map.of("service.name", "tasker"), "io.tasker.metrics", "dev").batches(s);
        while (it.hasNext()) {
            bytes += it.next().protobuf().length;
        }
        return bytes;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    /** Reads every body and answers 200 with nothing: the cost of a receiver, without a backend's. */
    private static HttpServer sink() throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        s.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
                exchange.sendResponseHeaders(200, -1);
            }
        });
        s.setExecutor(Executors.newFixedThreadPool(2));
        s.start();
        return s;
    }
}
