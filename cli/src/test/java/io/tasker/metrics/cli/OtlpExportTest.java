package io.tasker.metrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.SummaryDataPoint;
import io.tasker.metrics.Clock;
import io.tasker.metrics.Histogram;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.store.CacheStore;
import io.tasker.metrics.store.redis.RedisStore;
import io.tasker.metrics.sync.ClusterSync;
import io.tasker.metrics.sync.SyncOptions;
import io.tasker.metrics.sync.SyncStrategy;
import io.tasker.metrics.testing.RedisServerExtension;
import io.tasker.metrics.testing.otlp.OtlpReceiver;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tasker-metrics export --format otlp}: two instances sync to a real Redis, and what the
 * OTLP receiver decodes equals the CLI's JSON export of the same cluster view exactly: every
 * counter, gauge, histogram bucket, count and sum, and every quantile.
 */
class OtlpExportTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    @TempDir
    Path dir;

    @Test
    void theReceiversTotalsEqualTheJsonExportExactly() throws Exception {
        String namespace = "otlp";
        syncInstance(namespace, "web-1", 1);
        syncInstance(namespace, "web-2", 2);
        try (OtlpReceiver receiver = OtlpReceiver.start()) {
            Path config = dir.resolve("tasker.yml");
            Files.writeString(
                    config,
                    "telemetry:\n  export_directory: " + dir.resolve("exports") + "\n  service_name: cluster"
                            + "\n  otlp:\n    endpoint: " + receiver.baseUrl()
                            + "\n  prometheus:\n    batch_size: 7\ncache:\n  url: \""
                            + REDIS.url() + "\"\n  namespace: " + namespace + "\n");
            Path json = dir.resolve("view.json");
            Run exportNow =
                    run("--config", config.toString(), "export-now", "--format", "json", "--output", json.toString());
            assertEquals(0, exportNow.code, exportNow.err);
            Run otlp = run("--config", config.toString(), "export", "--format", "otlp");
            assertEquals(0, otlp.code, otlp.err + otlp.out);
            assertTrue(otlp.out.contains("otlp"), otlp.out);

            assertTrue(receiver.requests().size() > 1, "batches of 7 series");
            assertEquals(
                    "cluster",
                    receiver.metrics().get(0).resource().getResource().getAttributesList().stream()
                            .filter(a -> a.getKey().equals("service.name"))
                            .findFirst()
                            .orElseThrow()
                            .getValue()
                            .getStringValue());
            assertEquals(fromJson(JSON.readTree(json.toFile())), fromOtlp(receiver));
        }
    }

    /** Each instance records the same series with different values: counters add up, gauges stay per instance. */
    private static void syncInstance(String namespace, String id, int scale) throws Exception {
        MetricRegistry registry = new MetricRegistry();
        Random random = new Random(scale);
        for (String task : List.of("payment_processing", "order_fulfillment", "email_notification")) {
            registry.incrementCounter("task_executions_total", 40 * scale + 2, "status", "success", "task_name", task);
            registry.incrementCounter("task_executions_total", scale, "status", "failure", "task_name", task);
            Histogram h = Histogram.builder("task_duration_seconds")
                    .labelNames("task_name")
                    .quantiles()
                    .register(registry);
            for (int i = 0; i < 200 * scale; i++) {
                h.labels(task).observe(Math.exp(random.nextGaussian() - 2));
            }
        }
        registry.setGauge("queue_depth", 5 * scale, "queue", "default");
        try (CacheStore store = RedisStore.open(REDIS.url(), Duration.ofSeconds(5))) {
            SyncOptions options = SyncOptions.defaults(id).withNamespace(namespace);
            assertTrue(new ClusterSync(store, options, Clock.SYSTEM, registry::snapshot)
                    .sync(SyncStrategy.DISTRIBUTED_ATOMIC)
                    .success());
        }
    }

    /** Every value as "name{labels} field" → value, from the JSON export. */
    private static Map<String, Double> fromJson(JsonNode root) {
        Map<String, Double> out = new TreeMap<>();
        JsonNode metrics = root.get("metrics");
        metrics.get("counters")
                .fields()
                .forEachRemaining(e -> e.getValue()
                        .forEach(s -> out.put(
                                key(e.getKey().replaceAll("_total$", ""), labels(s.get("labels"))),
                                s.get("value").asDouble())));
        metrics.get("gauges")
                .fields()
                .forEachRemaining(e -> e.getValue()
                        .forEach(s -> out.put(
                                key(e.getKey(), labels(s.get("labels"))),
                                s.get("value").asDouble())));
        metrics.get("histograms")
                .fields()
                .forEachRemaining(e -> e.getValue().forEach(s -> {
                    String k = key(e.getKey(), labels(s.get("labels")));
                    out.put(k + " count", s.get("count").asDouble());
                    out.put(k + " sum", s.get("sum").asDouble());
                    long previous = 0;
                    Iterator<JsonNode> buckets = s.get("buckets").elements();
                    for (int i = 0; buckets.hasNext(); i++) {
                        long cumulative = buckets.next().get("count").asLong();
                        out.put(k + " bucket" + i, (double) (cumulative - previous));
                        previous = cumulative;
                    }
                    s.path("quantiles")
                            .fields()
                            .forEachRemaining(q ->
                                    out.put(k + " " + q.getKey(), q.getValue().asDouble()));
                }));
        return out;
    }

    private static Map<String, Double> fromOtlp(OtlpReceiver receiver) {
        Map<String, Double> out = new TreeMap<>();
        for (OtlpReceiver.ReceivedMetric received : receiver.metrics()) {
            Metric m = received.metric();
            if (m.hasSum()) {
                for (NumberDataPoint p : m.getSum().getDataPointsList()) {
                    put(out, key(m.getName(), attributes(p.getAttributesList())), p.getAsDouble());
                }
            } else if (m.hasGauge()) {
                for (NumberDataPoint p : m.getGauge().getDataPointsList()) {
                    put(out, key(m.getName(), attributes(p.getAttributesList())), p.getAsDouble());
                }
            } else if (m.hasHistogram()) {
                for (HistogramDataPoint p : m.getHistogram().getDataPointsList()) {
                    String k = key(m.getName(), attributes(p.getAttributesList()));
                    put(out, k + " count", p.getCount());
                    put(out, k + " sum", p.getSum());
                    for (int i = 0; i < p.getBucketCountsCount(); i++) {
                        put(out, k + " bucket" + i, p.getBucketCounts(i));
                    }
                }
            } else if (m.hasSummary()) {
                String name = m.getName().replaceAll("_quantiles$", "");
                for (SummaryDataPoint p : m.getSummary().getDataPointsList()) {
                    String k = key(name, attributes(p.getAttributesList()));
                    p.getQuantileValuesList()
                            .forEach(q -> put(out, k + " p" + Math.round(q.getQuantile() * 100), q.getValue()));
                }
            }
        }
        return out;
    }

    private static void put(Map<String, Double> out, String key, double value) {
        if (out.put(key, value) != null) {
            throw new AssertionError(key + " sent twice");
        }
    }

    private static Map<String, String> labels(JsonNode labels) {
        Map<String, String> out = new HashMap<>();
        labels.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    private static Map<String, String> attributes(List<KeyValue> attributes) {
        Map<String, String> out = new HashMap<>();
        attributes.forEach(a -> out.put(a.getKey(), a.getValue().getStringValue()));
        return out;
    }

    private static String key(String name, Map<String, String> labels) {
        return name + new TreeMap<>(labels);
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = TaskerMetricsCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    private record Run(int code, String out, String err) {}
}
