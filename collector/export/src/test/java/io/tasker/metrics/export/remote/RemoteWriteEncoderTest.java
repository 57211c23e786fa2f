package io.tasker.metrics.export.remote;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.Counter;
import io.tasker.metrics.Gauge;
import io.tasker.metrics.Histogram;
import io.tasker.metrics.ManualClock;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.RegistryOptions;
import io.tasker.metrics.export.remote.RemoteWriteProto.Decoded;
import io.tasker.metrics.export.remote.RemoteWriteProto.Metadata;
import io.tasker.metrics.export.remote.RemoteWriteProto.Series;
import io.tasker.metrics.export.remote.internal.RemoteWriteBatch;
import io.tasker.metrics.export.remote.internal.RemoteWriteEncoder;
import io.tasker.metrics.snapshot.MetricsSnapshot;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/**
 * The hand-written encoder against protobuf-java: our bytes decode to exactly the series and
 * metadata the snapshot holds, and equal, byte for byte, what protobuf-java writes for them.
 */
class RemoteWriteEncoderTest {
    static final Instant AT = Instant.parse("2026-01-01T12:00:00Z");
    static final long T = AT.toEpochMilli();
    static final String HOSTILE = "pay \"quoted\" \\ é ✓ 🚀\nnext";

    /** Every shape the encoder meets: labels around {@code __name__} and {@code le}, empty values, NaN, zero. */
    static MetricsSnapshot fixture(Instant at) {
        MetricRegistry registry = new MetricRegistry(RegistryOptions.defaults().withClock(new ManualClock(at)));
        Counter executions = Counter.builder("task_executions_total")
                .help("Task executions by outcome.")
                .labelNames("status", "task_name")
                .register(registry);
        executions.labels("failure", "").inc(23);
        executions.labels("success", HOSTILE).inc(1247);
        Gauge.builder("queue_depth")
                .help("Tasks waiting.")
                .labelNames("queue", "Zone")
                .register(registry)
                .labels("default", "eu")
                .set(-3.5);
        Gauge.builder("ratio").help("").register(registry).set(Double.NaN);
        Histogram durations = Histogram.builder("task_duration_seconds")
                .help("Task duration in seconds.")
                .labelNames("method", "instance")
                .buckets(0.01, 0.1, 0.5, 1)
                .register(registry);
        durations.labels("GET", "web-1").observe(0.0625);
        durations.labels("GET", "web-1").observe(0.75);
        durations.labels("GET", "web-1").observe(2.5);
        return registry.snapshot();
    }

    /** The fixture's series as remote write must carry them, written out by hand. */
    static List<Series> expectedSeries(long t) {
        String bucket = "tasker_task_duration_seconds_bucket";
        return List.of(
                Series.of(-3.5, t, "Zone", "eu", "__name__", "tasker_queue_depth", "queue", "default"),
                Series.of(Double.NaN, t, "__name__", "tasker_ratio"),
                Series.of(0, t, "__name__", bucket, "instance", "web-1", "le", "0.01", "method", "GET"),
                Series.of(1, t, "__name__", bucket, "instance", "web-1", "le", "0.1", "method", "GET"),
                Series.of(1, t, "__name__", bucket, "instance", "web-1", "le", "0.5", "method", "GET"),
                Series.of(2, t, "__name__", bucket, "instance", "web-1", "le", "1.0", "method", "GET"),
                Series.of(3, t, "__name__", bucket, "instance", "web-1", "le", "+Inf", "method", "GET"),
                Series.of(
                        3.3125,
                        t,
                        "__name__",
                        "tasker_task_duration_seconds_sum",
                        "instance",
                        "web-1",
                        "method",
                        "GET"),
                Series.of(3, t, "__name__", "tasker_task_duration_seconds_count", "instance", "web-1", "method", "GET"),
                Series.of(23, t, "__name__", "tasker_task_executions_total", "status", "failure"),
                Series.of(
                        1247,
                        t,
                        "__name__",
                        "tasker_task_executions_total",
                        "status",
                        "success",
                        "task_name",
                        HOSTILE));
    }

    static final List<Metadata> EXPECTED_METADATA = List.of(
            new Metadata(2, "tasker_queue_depth", "Tasks waiting.", ""),
            new Metadata(2, "tasker_ratio", ratioHelp(), ""),
            new Metadata(3, "tasker_task_duration_seconds", "Task duration in seconds.", ""),
            new Metadata(1, "tasker_task_executions_total", "Task executions by outcome.", ""));

    private static String ratioHelp() {
        return fixture(AT).family("tasker_ratio").orElseThrow().metadata().help();
    }

    @Test
    void decodesToTheSnapshotsSeriesAndEqualsProtobufJavasBytes() {
        RemoteWriteBatch batch = only(new RemoteWriteEncoder(1000).batches(fixture(AT)));
        Decoded decoded = RemoteWriteProto.decode(batch.protobuf());
        assertEquals(expectedSeries(T), decoded.series());
        assertEquals(EXPECTED_METADATA, decoded.metadata());
        assertEquals(11, batch.series());
        assertEquals(4, batch.families());
        assertArrayEquals(RemoteWriteProto.encode(expectedSeries(T), EXPECTED_METADATA), batch.protobuf());
    }

    @Test
    void aZeroTimestampIsLeftOutAsProtobufJavaLeavesItOut() {
        MetricsSnapshot epoch = new MetricsSnapshot(Instant.EPOCH, fixture(AT).families());
        RemoteWriteBatch batch = only(new RemoteWriteEncoder(1000).batches(epoch));
        assertArrayEquals(RemoteWriteProto.encode(expectedSeries(0), EXPECTED_METADATA), batch.protobuf());
    }

    @Test
    void aNanValueGoesOutAsTheCanonicalNanNotAStaleMarker() {
        RemoteWriteBatch batch = only(new RemoteWriteEncoder(1000).batches(fixture(AT)));
        Series ratio = RemoteWriteProto.decode(batch.protobuf()).series().get(1);
        assertEquals(0x7ff8000000000000L, Double.doubleToRawLongBits(ratio.value()));
    }

    @Test
    void splitsIntoRequestsOfAtMostBatchSizeSeriesWithTheirFamiliesMetadata() {
        MetricRegistry registry = new MetricRegistry(RegistryOptions.defaults().withClock(new ManualClock(AT)));
        Counter a = registry.counter("a_total", "n");
        for (int i = 0; i < 997; i++) {
            a.labels("s" + i).inc(i);
        }
        Histogram b =
                Histogram.builder("b_seconds").labelNames("n").buckets(1, 2).register(registry);
        b.labels("x").observe(1.5);
        b.labels("y").observe(0.5);
        MetricsSnapshot snapshot = registry.snapshot();

        List<RemoteWriteBatch> batches = all(new RemoteWriteEncoder(1000).batches(snapshot));
        assertEquals(
                List.of(1000, 7), batches.stream().map(RemoteWriteBatch::series).toList());
        Decoded first = RemoteWriteProto.decode(batches.get(0).protobuf());
        Decoded second = RemoteWriteProto.decode(batches.get(1).protobuf());
        assertEquals(
                List.of("tasker_a_total", "tasker_b_seconds"),
                first.metadata().stream().map(Metadata::family).toList());
        assertEquals(
                List.of("tasker_b_seconds"),
                second.metadata().stream().map(Metadata::family).toList());

        Map<String, Double> split = new LinkedHashMap<>(first.values());
        split.putAll(second.values());
        Map<String, Double> whole = RemoteWriteProto.decode(
                        only(new RemoteWriteEncoder(100_000).batches(snapshot)).protobuf())
                .values();
        assertEquals(1007, whole.size());
        assertEquals(whole, split);
        assertEquals(1.0, whole.get("tasker_b_seconds_bucket{le=\"2.0\",n=\"x\"}"));
        assertEquals(996.0, whole.get("tasker_a_total{n=\"s996\"}"));
    }

    @Test
    void anEmptySnapshotAndFamiliesWithoutSeriesMakeNoRequest() {
        MetricRegistry registry = new MetricRegistry();
        registry.counter("never_total", "status");
        Iterator<RemoteWriteBatch> batches = new RemoteWriteEncoder(10).batches(registry.snapshot());
        assertFalse(batches.hasNext());
        assertThrows(NoSuchElementException.class, batches::next);
        assertFalse(
                new RemoteWriteEncoder(10).batches(MetricsSnapshot.empty(AT)).hasNext());
    }

    @Test
    void compressionsRoundTripThroughTheReferenceLibraries() throws Exception {
        byte[] protobuf =
                only(new RemoteWriteEncoder(1000).batches(fixture(AT))).protobuf();
        assertArrayEquals(protobuf, org.xerial.snappy.Snappy.uncompress(Compression.SNAPPY.compress(protobuf)));
        byte[] gzip = Compression.GZIP.compress(protobuf);
        assertArrayEquals(
                protobuf, new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzip)).readAllBytes());
        assertTrue(protobuf == Compression.NONE.compress(protobuf));
        ByteArrayOutputStream big = new ByteArrayOutputStream();
        for (int i = 0; i < 20_000; i++) {
            big.writeBytes(("series " + i + " ").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        byte[] large = big.toByteArray();
        assertArrayEquals(large, org.xerial.snappy.Snappy.uncompress(Compression.SNAPPY.compress(large)));
    }

    @Test
    void rejectsABatchSizeBelowOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new RemoteWriteEncoder(0));
        assertTrue(e.getMessage().contains("batch_size"), e.getMessage());
    }

    private static RemoteWriteBatch only(Iterator<RemoteWriteBatch> batches) {
        List<RemoteWriteBatch> list = all(batches);
        assertEquals(1, list.size());
        return list.get(0);
    }

    private static List<RemoteWriteBatch> all(Iterator<RemoteWriteBatch> batches) {
        List<RemoteWriteBatch> list = new ArrayList<>();
        batches.forEachRemaining(list::add);
        return list;
    }
}
