package io.tasker.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.format.PrometheusTextWriter;
import io.tasker.metrics.snapshot.MetricsSnapshot;
import io.tasker.metrics.store.CacheStore;
import io.tasker.metrics.store.CacheStores;
import io.tasker.metrics.store.Record;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The Javadoc examples of the public API, as written there (a memory store standing in for
 * Redis), so that an example that no longer compiles breaks the build instead of a reader.
 */
class JavadocExamplesTest {

    @Test
    void metricsSnapshot() throws IOException {
        MetricRegistry registry = new MetricRegistry();
        registry.counter("jobs_total").labels().inc();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MetricsSnapshot snapshot = registry.snapshot();
        new PrometheusTextWriter().write(out, snapshot);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("tasker_jobs_total 1"));
    }

    @Test
    void cacheStore() {
        byte[] bytes = {1, 2, 3};
        try (CacheStore store = CacheStores.open("memory:", Duration.ofSeconds(2), Clock.SYSTEM)) {
            store.putIfNewer("tasker:instance:a:0", new Record(7, bytes), Duration.ofMinutes(5));
            assertEquals(7, store.get("tasker:instance:a:0").orElseThrow().version());
        }
    }
}
