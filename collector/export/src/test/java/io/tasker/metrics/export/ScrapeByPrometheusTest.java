package io.tasker.metrics.export;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tasker.metrics.Clock;
import io.tasker.metrics.Histogram;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.store.MemoryStore;
import io.tasker.metrics.sync.ClusterReader;
import io.tasker.metrics.sync.ClusterSync;
import io.tasker.metrics.sync.SyncOptions;
import io.tasker.metrics.sync.SyncStrategy;
import io.tasker.metrics.testing.Http;
import io.tasker.metrics.testing.PrometheusConfig;
import io.tasker.metrics.testing.PrometheusServerExtension;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A real Prometheus scrapes the cluster view through {@link MetricsHttpServer} (it asks for
 * OpenMetrics first, so this also checks that output against Prometheus' own parser): the
 * target is up and every value it stored equals what was recorded.
 */
class ScrapeByPrometheusTest {
    @RegisterExtension
    static final PrometheusServerExtension PROMETHEUS = new PrometheusServerExtension();

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void prometheusScrapesTheClusterView() throws Exception {
        MemoryStore store = new MemoryStore(Clock.SYSTEM);
        for (int i = 0; i < 2; i++) {
            MetricRegistry r = new MetricRegistry();
            r.incrementCounter("task_executions_total", 10 + i, "status", "success", "task_name", "pay \"quoted\"");
            r.setGauge("queue_depth", 3 + i, "queue", "default");
            Histogram h =
                    Histogram.builder("task_duration_seconds").buckets(0.5, 1).register(r);
            h.observe(0.25);
            h.observe(0.75 + i);
            new ClusterSync(
                            store,
                            SyncOptions.defaults("web-" + i).withInstanceLabels(false),
                            Clock.SYSTEM,
                            r::snapshot)
                    .sync(SyncStrategy.DISTRIBUTED_ATOMIC);
        }
        ClusterReader reader =
                new ClusterReader(store, SyncOptions.defaults("reader").withInstanceLabels(false), Clock.SYSTEM);
        try (MetricsHttpServer server =
                MetricsHttpServer.start("127.0.0.1", 0, () -> reader.readView().snapshot())) {
            PROMETHEUS.scrape(PrometheusConfig.ScrapeTarget.of("tasker", "127.0.0.1:" + server.port()));
            Map<String, Double> values = awaitValues();
            assertEquals(1.0, values.get("up"));
            assertEquals(
                    21.0,
                    values.get("tasker_task_executions_total{status=\"success\",task_name=\"pay \\\"quoted\\\"\"}"));
            assertEquals(4.0, values.get("tasker_queue_depth{queue=\"default\"}"), "last written of 3 and 4");
            assertEquals(4.0, values.get("tasker_task_duration_seconds_count"));
            assertEquals(0.25 + 0.75 + 0.25 + 1.75, values.get("tasker_task_duration_seconds_sum"));
            assertEquals(2.0, values.get("tasker_task_duration_seconds_bucket{le=\"0.5\"}"));
            assertEquals(3.0, values.get("tasker_task_duration_seconds_bucket{le=\"1.0\"}"));
            assertEquals(4.0, values.get("tasker_task_duration_seconds_bucket{le=\"+Inf\"}"));
        }
    }

    /** Every series Prometheus holds for the job, once the first scrape is in. */
    private static Map<String, Double> awaitValues() {
        return await().alias("Prometheus scrapes the target")
                .atMost(Duration.ofSeconds(30))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(250))
                .until(
                        () -> query("{job=\"tasker\"}"),
                        values -> values.containsKey("up") && values.containsKey("tasker_task_duration_seconds_count"));
    }

    private static Map<String, Double> query(String promql) throws IOException {
        Http.Response response =
                Http.get(PROMETHEUS.url() + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        assertEquals(200, response.status(), response.body());
        Map<String, Double> values = new HashMap<>();
        for (JsonNode series : JSON.readTree(response.body()).at("/data/result")) {
            StringBuilder key =
                    new StringBuilder(series.get("metric").get("__name__").asText());
            StringBuilder labels = new StringBuilder();
            series.get("metric").fields().forEachRemaining(e -> {
                if (!e.getKey().equals("__name__")
                        && !e.getKey().equals("job")
                        && !e.getKey().equals("instance")) {
                    labels.append(labels.length() == 0 ? "" : ",")
                            .append(e.getKey())
                            .append("=\"")
                            .append(e.getValue().asText().replace("\\", "\\\\").replace("\"", "\\\""))
                            .append('"');
                }
            });
            if (labels.length() > 0) {
                key.append('{').append(labels).append('}');
            }
            values.put(key.toString(), series.get("value").get(1).asDouble());
        }
        assertTrue(values.size() < 1000);
        return values;
    }
}
