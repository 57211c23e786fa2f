package io.tasker.metrics.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.format.PrometheusTextWriter;
import io.tasker.metrics.snapshot.MetricFamilySnapshot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class JvmMetricsTest {
    /** client_java's families that ours leave out on purpose (docs/collector.md, "JVM metrics"). */
    private static final java.util.Set<String> NOT_OURS = java.util.Set.of(
            "jvm_info", "jvm_runtime_info", "jvm_compilation_time_seconds", "jvm_memory_pool_allocated_bytes");

    @Test
    void namesAndTypesAreClientJavas() throws IOException {
        Map<String, String> theirs = types(clientJava());
        MetricRegistry registry = new MetricRegistry(); // the default prefix, which these names do not get
        JvmMetrics.register(registry);
        Map<String, String> ours = types(text(registry));
        for (Map.Entry<String, String> e : ours.entrySet()) {
            String expected = e.getKey().equals("jvm_gc_collection_seconds") ? "summary" : e.getValue();
            assertEquals(
                    expected, theirs.get(e.getKey()), "client_java's type of " + e.getKey() + "; theirs: " + theirs);
        }
        Map<String, String> missing = new TreeMap<>(theirs);
        missing.keySet().removeAll(ours.keySet());
        missing.keySet().removeAll(NOT_OURS);
        assertEquals(Map.of(), missing, "client_java's families that ours lack");
        assertEquals(
                "histogram", ours.get("jvm_gc_collection_seconds"), "a histogram with +Inf alone: no summary type");
    }

    @Test
    void valuesAreReadAtEachSnapshot() throws Exception {
        MetricRegistry registry = new MetricRegistry();
        JvmMetrics.register(registry);
        double before = value(registry, "jvm_threads_started", "");
        CountDownLatch done = new CountDownLatch(3);
        for (int i = 0; i < 3; i++) {
            new Thread(done::countDown).start();
        }
        done.await();
        assertTrue(value(registry, "jvm_threads_started", "") >= before + 3);
        assertTrue(value(registry, "jvm_memory_used_bytes", "heap") > 0);
        assertTrue(value(registry, "jvm_classes_loaded", "") > 100);
        assertTrue(value(registry, "process_start_time_seconds", "") > 1.6e9);
        assertTrue(value(registry, "process_open_fds", "") > 0);
        assertTrue(value(registry, "process_resident_memory_bytes", "") > 1e6);
        double cpu = value(registry, "process_cpu_seconds", "");
        long spin = System.nanoTime() + 50_000_000;
        long sink = 0;
        while (System.nanoTime() < spin) {
            sink += Long.numberOfTrailingZeros(System.nanoTime());
        }
        assertTrue(value(registry, "process_cpu_seconds", "") > cpu, "cpu time grows " + sink);
    }

    @Test
    void collectionsAreCountedWithTheirTime() {
        MetricRegistry registry = new MetricRegistry();
        JvmMetrics.register(registry);
        System.gc();
        String text = text(registry);
        assertTrue(
                text.lines().anyMatch(l -> l.startsWith("jvm_gc_collection_seconds_count{gc=") && !l.endsWith(" 0")),
                text);
    }

    @Test
    void closeStopsReading() {
        MetricRegistry registry = new MetricRegistry();
        JvmMetrics jvm = JvmMetrics.register(registry);
        jvm.close();
        double started = value(registry, "jvm_threads_started", "");
        new Thread(() -> {}).start();
        assertEquals(started, value(registry, "jvm_threads_started", ""));
    }

    private static double value(MetricRegistry registry, String family, String labelValue) {
        MetricFamilySnapshot f = registry.snapshot().families().stream()
                .filter(s -> s.name().equals(family))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + family));
        return f.points().stream()
                .filter(p -> labelValue.isEmpty()
                        || (p.labels().size() > 0 && p.labels().value(0).equals(labelValue)))
                .mapToDouble(p -> p instanceof io.tasker.metrics.snapshot.CounterSnapshot.Point c
                        ? c.value()
                        : ((io.tasker.metrics.snapshot.GaugeSnapshot.Point) p).value())
                .findFirst()
                .orElseThrow();
    }

    static String text(MetricRegistry registry) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new PrometheusTextWriter().write(out, registry.snapshot());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String clientJava() throws IOException {
        PrometheusRegistry registry = new PrometheusRegistry();
        io.prometheus.metrics.instrumentation.jvm.JvmMetrics.builder().register(registry);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.create().write(out, registry.scrape());
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Family name (without {@code _total} for counters) to type, from the {@code # TYPE} lines. */
    private static Map<String, String> types(String text) {
        Map<String, String> types = new TreeMap<>();
        text.lines().filter(l -> l.startsWith("# TYPE ")).forEach(l -> {
            String[] parts = l.split(" ");
            String name = parts[3].equals("counter") ? parts[2].replaceFirst("_total$", "") : parts[2];
            types.put(name, parts[3]);
        });
        return types;
    }
}
