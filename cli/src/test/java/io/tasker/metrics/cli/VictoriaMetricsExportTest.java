package io.tasker.metrics.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tasker.metrics.Clock;
import io.tasker.metrics.Counter;
import io.tasker.metrics.Gauge;
import io.tasker.metrics.Histogram;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.cli.CliProcess.Run;
import io.tasker.metrics.export.ExportHistory;
import io.tasker.metrics.export.ExportRecord;
import io.tasker.metrics.format.PrometheusTextWriter;
import io.tasker.metrics.snapshot.MetricsSnapshot;
import io.tasker.metrics.store.CacheStore;
import io.tasker.metrics.store.redis.RedisStore;
import io.tasker.metrics.sync.ClusterReader;
import io.tasker.metrics.sync.ClusterSync;
import io.tasker.metrics.sync.SyncOptions;
import io.tasker.metrics.sync.SyncStrategy;
import io.tasker.metrics.testing.RedisServerExtension;
import io.tasker.metrics.testing.VictoriaMetricsServerExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * VictoriaMetrics as a second real receiver of our remote write: three instances sync to Redis,
 * a main and a backup export CronJob race to push the cluster view, and every series queried
 * back from VictoriaMetrics equals the cluster view exactly, with one sample each.
 */
class VictoriaMetricsExportTest {
    private static final String NAMESPACE = "vm";
    private static final Pattern SERIES = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"([^\"]*)\"");
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    @RegisterExtension
    static final VictoriaMetricsServerExtension VM = new VictoriaMetricsServerExtension();

    @TempDir
    Path dir;

    @Test
    void racingExportJobsWriteTheClusterViewOnceAndExactly() throws Exception {
        for (int i = 1; i <= 3; i++) {
            syncInstance("web-" + i, i);
        }
        Path config = dir.resolve("tasker.yml");
        Files.writeString(
                config,
                "telemetry:\n  export_directory: " + dir.resolve("exports") + "\n  prometheus:\n"
                        + "    endpoint: " + VM.remoteWriteUrl() + "\n    compression: snappy\ncache:\n  url: \""
                        + REDIS.url()
                        + "\"\n  namespace: " + NAMESPACE + "\n");
        List<Run> runs = CliProcess.race(config, 2, "export");
        runs.forEach(r -> assertEquals(0, r.code(), r.output()));
        assertEquals(
                1,
                runs.stream()
                        .filter(r -> r.output().contains("remote_write")
                                && r.output().startsWith("Exported "))
                        .count(),
                runs.toString());
        assertEquals(
                1,
                runs.stream()
                        .filter(r -> r.output().contains("Export skipped: "))
                        .count(),
                runs.toString());

        Map<String, Double> expected = clusterViewAsSeries();
        assertEquals(expected, storedOnceSearchable("{__name__=~\"tasker_.*\"}", expected.size()));
        assertEquals(
                42.0 + 2 * 42 + 3 * 42,
                expected.get("tasker_task_executions_total{status=success,task_name=payment}"),
                "the counters add up across the three instances");
        for (String name : new TreeSet<>(expected.keySet().stream()
                .map(k -> k.substring(0, k.indexOf('{')))
                .toList())) {
            Map<String, Double> samples = stored("count_over_time(" + name + "[1h])");
            assertTrue(
                    !samples.isEmpty() && samples.values().stream().allMatch(n -> n == 1.0),
                    name + ": one sample per series, nothing doubled: " + samples);
        }
        assertEquals(1, successes());
    }

    /** An instance that records multiples of its number, then syncs to Redis. */
    private static void syncInstance(String id, int n) {
        MetricRegistry registry = new MetricRegistry();
        Counter tasks = registry.counter("task_executions_total", "status", "task_name");
        tasks.labels("success", "payment").inc(42 * n);
        tasks.labels("failure", "payment").inc(n);
        Histogram durations = Histogram.builder("task_duration_seconds")
                .labelNames("task_name")
                .register(registry);
        for (int i = 0; i < n; i++) {
            durations.labels("payment").observe(0.25);
            durations.labels("payment").observe(2.5);
        }
        Gauge depth = registry.gauge("queue_depth", "queue");
        depth.labels("default").set(10 * n);
        try (CacheStore store = RedisStore.open(REDIS.url(), Duration.ofSeconds(5))) {
            assertTrue(new ClusterSync(
                            store, SyncOptions.defaults(id).withNamespace(NAMESPACE), Clock.SYSTEM, registry::snapshot)
                    .sync(SyncStrategy.DISTRIBUTED_ATOMIC)
                    .success());
        }
    }

    /** The cluster view, written as Prometheus text by our writer, as series name{labels} to value. */
    private static Map<String, Double> clusterViewAsSeries() throws IOException {
        MetricsSnapshot view;
        try (CacheStore store = RedisStore.open(REDIS.url(), Duration.ofSeconds(5))) {
            view = new ClusterReader(store, SyncOptions.defaults("reader").withNamespace(NAMESPACE), Clock.SYSTEM)
                    .readView()
                    .snapshot();
        }
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        new PrometheusTextWriter().write(text, view);
        Map<String, Double> series = new TreeMap<>();
        for (String line : text.toString(StandardCharsets.UTF_8).split("\n")) {
            Matcher m = SERIES.matcher(line);
            if (!line.startsWith("#") && m.matches()) {
                Map<String, String> labels = new TreeMap<>();
                Matcher l = LABEL.matcher(m.group(3) == null ? "" : m.group(3));
                while (l.find()) {
                    labels.put(l.group(1), l.group(2));
                }
                series.put(
                        key(m.group(1), labels), Double.parseDouble(m.group(4).replace("+Inf", "Infinity")));
            }
        }
        return series;
    }

    /**
     * The answer once VictoriaMetrics has made the samples searchable: it registers new series in
     * its index in the background, so a flush alone can leave the first query empty.
     */
    private static Map<String, Double> storedOnceSearchable(String query, int series) {
        return await().alias(series + " series searchable for " + query)
                .atMost(Duration.ofSeconds(30))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> {
                            VM.flush();
                            return stored(query);
                        },
                        answer -> answer.size() >= series);
    }

    /** What VictoriaMetrics answers to an instant query, as series name{labels} to value. */
    private static Map<String, Double> stored(String query) throws IOException {
        JsonNode answer = JSON.readTree(VM.query(query).body());
        assertEquals("success", answer.path("status").asText(), answer.toString());
        Map<String, Double> series = new TreeMap<>();
        for (JsonNode r : answer.path("data").path("result")) {
            Map<String, String> labels = new TreeMap<>();
            r.path("metric")
                    .fields()
                    .forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
            String name = labels.remove("__name__");
            series.put(
                    key(name == null ? "" : name, labels),
                    r.path("value").get(1).asDouble());
        }
        return series;
    }

    private static String key(String name, Map<String, String> labels) {
        return name + labels.toString().replace(", ", ",");
    }

    private static long successes() {
        try (CacheStore store = RedisStore.open(REDIS.url(), Duration.ofSeconds(5))) {
            return new ExportHistory(
                            store,
                            SyncOptions.defaults("reader")
                                    .withNamespace(NAMESPACE)
                                    .keys())
                    .list().stream().filter(ExportRecord::success).count();
        }
    }
}
