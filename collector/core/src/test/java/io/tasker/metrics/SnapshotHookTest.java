package io.tasker.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.tasker.metrics.snapshot.GaugeSnapshot;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Hooks that copy outside values in before a snapshot, and one series' own reads. */
class SnapshotHookTest {
    private final MetricRegistry registry = new MetricRegistry();

    @Test
    void aHookRunsBeforeTheFamiliesAreRead() {
        Gauge pool = registry.gauge("pool_size");
        AtomicInteger outside = new AtomicInteger(3);
        registry.beforeSnapshot(() -> pool.set(outside.get()));
        assertEquals(3, value(registry));
        outside.set(8);
        assertEquals(8, value(registry));
    }

    @Test
    void aThrowingHookIsCountedAndTheSnapshotGoesOn() {
        Gauge g = registry.gauge("depth");
        registry.beforeSnapshot(() -> {
            throw new IllegalStateException("broken source");
        });
        registry.beforeSnapshot(() -> g.set(5));
        assertEquals(5, value(registry));
        assertEquals(1, registry.failedSnapshotHooks());
    }

    @Test
    void aRemovedHookRunsNoMore() {
        Gauge g = registry.gauge("depth");
        AtomicInteger runs = new AtomicInteger();
        Runnable hook = () -> g.set(runs.incrementAndGet());
        registry.beforeSnapshot(hook);
        registry.snapshot();
        registry.removeSnapshotHook(hook);
        registry.snapshot();
        assertEquals(1, runs.get());
    }

    @Test
    void aHistogramSeriesAnswersForItself() {
        Histogram h = Histogram.builder("latency_seconds").buckets(0.1, 1).register(registry);
        HistogramSeries s = h.labels();
        s.observe(0.05);
        s.observe(0.5);
        s.observe(3);
        assertEquals(3, s.count());
        assertEquals(3.55, s.sum(), 1e-12);
        assertArrayEquals(new long[] {1, 2, 3}, s.cumulativeCounts());
        assertNull(s.quantiles(), "no sketch unless the family asks for quantiles");
    }

    private static double value(MetricRegistry r) {
        return ((GaugeSnapshot) r.snapshot().families().get(0)).points().get(0).value();
    }
}
