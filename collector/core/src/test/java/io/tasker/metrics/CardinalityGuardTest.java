package io.tasker.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.tasker.metrics.snapshot.CounterSnapshot;
import io.tasker.metrics.snapshot.GaugeSnapshot;
import io.tasker.metrics.snapshot.Labels;
import org.junit.jupiter.api.Test;

class CardinalityGuardTest {
    @Test
    void combinationsPastTheLimitFoldIntoOneOverflowSeries() {
        MetricRegistry registry = new MetricRegistry(RegistryOptions.defaults().withMaxSeriesPerMetric(100));
        Counter c = registry.counter("requests_total", "user_id");
        for (int i = 0; i < 10_000; i++) {
            c.labels("user-" + i).inc();
        }
        assertEquals(100, c.seriesCount());
        assertEquals(9_900, c.foldedObservations());
        CounterSnapshot s =
                (CounterSnapshot) registry.snapshot().family("tasker_requests").orElseThrow();
        assertEquals(101, s.points().size());
        CounterSnapshot.Point overflow = s.points().get(100);
        assertEquals(Labels.of("tasker_overflow", "true"), overflow.labels());
        assertEquals(9_900, overflow.value());
        assertEquals(9_900, s.foldedObservations());
        // Known combinations keep their own series after the limit is reached.
        c.labels("user-5").inc();
        assertEquals(2, c.labels("user-5").value());
        assertSame(c.labels("user-500"), c.labels("user-9999"));
    }

    @Test
    void guardWorksForGaugesAndHistogramsToo() {
        MetricRegistry registry = new MetricRegistry(RegistryOptions.defaults().withMaxSeriesPerMetric(2));
        Gauge g = registry.gauge("queue_depth", "queue");
        g.labels("a").set(1);
        g.labels("b").set(2);
        g.labels("c").set(3);
        GaugeSnapshot s =
                (GaugeSnapshot) registry.snapshot().family("tasker_queue_depth").orElseThrow();
        assertEquals(3, s.points().size());
        assertEquals(1, s.foldedObservations());
        Histogram h = registry.histogram("latency_seconds", "route");
        for (int i = 0; i < 5; i++) {
            h.labels("r" + i).observe(0.1);
        }
        assertEquals(3, h.foldedObservations());
    }

    @Test
    void overLongLabelValuesAreTruncatedAndCounted() {
        MetricRegistry registry = new MetricRegistry(RegistryOptions.defaults().withMaxLabelValueLength(8));
        Counter c = registry.counter("errors_total", "message");
        c.labels("0123456789abcdef").inc();
        c.labels("01234567-other-tail").inc();
        c.labels("short").inc();
        assertEquals(2, c.labels("01234567").value());
        assertEquals(2, registry.truncatedLabelValues());
        CounterSnapshot s =
                (CounterSnapshot) registry.snapshot().family("tasker_errors").orElseThrow();
        assertEquals("01234567", s.points().get(0).labels().get("message"));
    }
}
