package io.tasker.metrics.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.RegistryOptions;
import io.tasker.metrics.format.PrometheusTextWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The Spring Boot shape: one composite that the application records into, holding both
 * Micrometer's Prometheus registry and ours. With the collector's prefix off, every sample
 * Micrometer's registry scrapes for counters, timers, summaries and gauges is in our export
 * under the same name, labels and value.
 */
class CompositeWithPrometheusRegistryTest {
    @Test
    void bothRegistriesExposeTheSameSamples() throws IOException {
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        MetricRegistry metrics = new MetricRegistry(RegistryOptions.defaults().withMetricPrefix(""));
        CompositeMeterRegistry composite = new CompositeMeterRegistry();
        composite.add(prometheus);
        composite.add(new TaskerMeterRegistry(metrics));

        record(composite);

        Map<String, Double> theirs = samples(prometheus.scrape());
        Map<String, Double> ours = samples(text(metrics));
        assertFalse(theirs.isEmpty());
        for (String sample : new String[] {
            "jobs_completed_total{status=\"ok\"}",
            "http_server_requests_seconds_bucket{uri=\"/tasks\",le=\"0.1\"}",
            "http_server_requests_seconds_max{uri=\"/tasks\"}",
            "payload_bytes_bucket{le=\"1024.0\"}",
            "payload_bytes_sum",
            "queue_depth"
        }) {
            assertTrue(theirs.containsKey(sample), sample + " in " + theirs.keySet());
        }
        for (Map.Entry<String, Double> e : theirs.entrySet()) {
            assertTrue(ours.containsKey(e.getKey()), e.getKey() + " missing from ours: " + ours.keySet());
            assertEquals(e.getValue(), ours.get(e.getKey()), 1e-12, e.getKey());
        }
    }

    private static void record(MeterRegistry registry) {
        registry.counter("jobs.completed", "status", "ok").increment(3);
        registry.counter("jobs.completed", "status", "failed").increment();
        Timer timer = Timer.builder("http.server.requests")
                .tag("uri", "/tasks")
                .serviceLevelObjectives(Duration.ofMillis(100), Duration.ofSeconds(1))
                .register(registry);
        timer.record(Duration.ofMillis(40));
        timer.record(Duration.ofMillis(400));
        DistributionSummary payload = DistributionSummary.builder("payload")
                .baseUnit("bytes")
                .serviceLevelObjectives(1024, 65536)
                .register(registry);
        payload.record(512);
        payload.record(4096);
        registry.gauge("queue.depth", new AtomicInteger(7));
    }

    private static String text(MetricRegistry metrics) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PrometheusTextWriter().write(out, metrics.snapshot());
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Sample name with labels (sorted as written) to value; comments and {@code _created} left out. */
    private static Map<String, Double> samples(String text) {
        Map<String, Double> samples = new TreeMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            String key = line.substring(0, space);
            if (!key.contains("_created")) {
                samples.put(key, Double.valueOf(line.substring(space + 1).replace("+Inf", "Infinity")));
            }
        }
        return samples;
    }
}
