package io.tasker.metrics.export.remote;

import com.google.protobuf.CodedInputStream;
import com.sun.net.httpserver.HttpServer;
import io.tasker.metrics.snapshot.CounterSnapshot;
import io.tasker.metrics.snapshot.Labels;
import io.tasker.metrics.snapshot.MetricMetadata;
import io.tasker.metrics.snapshot.MetricType;
import io.tasker.metrics.snapshot.MetricsSnapshot;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.xerial.snappy.Snappy;

/**
 * Run in a JVM of small heap by {@link RemoteWriteMillionSeriesTest}: builds a snapshot of a
 * million series, pushes it to a local receiver that counts the {@code TimeSeries} it gets, and
 * prints one {@code RESULT} line. An encoder that held more than a batch would run out of heap.
 */
public final class MillionSeriesWorker {
    private MillionSeriesWorker() {}

    public static void main(String[] args) throws IOException {
        int n = Integer.parseInt(args[0]);
        AtomicLong received = new AtomicLong();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            received.addAndGet(
                    countSeries(Snappy.uncompress(exchange.getRequestBody().readAllBytes())));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        try {
            MetricsSnapshot snapshot = snapshot(n);
            Runtime rt = Runtime.getRuntime();
            long start = System.nanoTime();
            RemoteWriteResult r = new RemoteWriteClient(new RemoteWriteSettings(
                            URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1/write"),
                            null,
                            null,
                            Duration.ofSeconds(30),
                            0,
                            Compression.SNAPPY,
                            1000,
                            false))
                    .push(snapshot);
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.println("RESULT success=" + r.success() + " requests=" + r.requests() + " series=" + r.series()
                    + " received=" + received.get() + " ms=" + millis + " maxHeapMB=" + rt.maxMemory() / (1 << 20)
                    + " uncompressedMB=" + r.uncompressedBytes() / (1 << 20) + " sentMB=" + r.sentBytes() / (1 << 20)
                    + " error=" + r.error());
        } finally {
            server.stop(0);
        }
    }

    /** One counter family with {@code n} series sharing one label-names array, as the registry shares it. */
    private static MetricsSnapshot snapshot(int n) {
        String[] names = {"status", "task_name"};
        List<CounterSnapshot.Point> points = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            points.add(new CounterSnapshot.Point(Labels.ofSorted(names, new String[] {"success", "task_" + i}), i));
        }
        MetricMetadata metadata = new MetricMetadata(
                "tasker_task_executions", "Task executions by outcome.", MetricType.COUNTER, List.of(names));
        return new MetricsSnapshot(Instant.now(), List.of(new CounterSnapshot(metadata, points, 0)));
    }

    private static long countSeries(byte[] protobuf) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(protobuf);
        long series = 0;
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            if (tag >>> 3 == 1) {
                series++;
            }
            in.skipField(tag);
        }
        return series;
    }
}
