package io.tasker.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.snapshot.CounterSnapshot;
import io.tasker.metrics.snapshot.GaugeSnapshot;
import io.tasker.metrics.snapshot.HistogramSnapshot;
import io.tasker.metrics.snapshot.Labels;
import io.tasker.metrics.snapshot.MetricsSnapshot;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordingTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T12:00:00Z"));
    private final MetricRegistry registry =
            new MetricRegistry(RegistryOptions.defaults().withClock(clock));

    @Test
    void countersTakeWholeAndFractionalAmounts() {
        Counter c = registry.counter("work_seconds_total", "task_name");
        c.labels("a").inc();
        c.labels("a").inc(2);
        c.labels("a").inc(0.25);
        c.labels("a").inc(0.5);
        assertEquals(3.75, c.labels("a").value());
    }

    @Test
    void negativeNanAndInfiniteIncrementsThrowNamingTheCounter() {
        CounterSeries s = registry.counter("task_executions_total", "status").labels("x");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.inc(-1));
        assertTrue(
                e.getMessage().startsWith("Increment -1.0 is illegal for counter tasker_task_executions"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> s.inc(-1L));
        assertThrows(IllegalArgumentException.class, () -> s.inc(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> s.inc(Double.POSITIVE_INFINITY));
        assertEquals(0, s.value());
    }

    @Test
    void gaugesSetIncAndDec() {
        Gauge g = registry.gauge("queue_depth", "queue");
        g.labels("default").set(10);
        g.labels("default").inc();
        g.labels("default").inc(4.5);
        g.labels("default").dec();
        g.labels("default").dec(0.5);
        assertEquals(14, g.labels("default").value());
    }

    @Test
    void histogramsCountIntoTheRightBuckets() {
        Histogram h =
                Histogram.builder("task_duration_seconds").buckets(0.1, 0.5, 1).register(registry);
        for (double v : new double[] {0.05, 0.1, 0.2, 0.5, 0.7, 3, Double.POSITIVE_INFINITY}) {
            h.observe(v);
        }
        HistogramSnapshot.Point p = histogram(registry.snapshot(), "tasker_task_duration_seconds");
        assertEquals(2, p.cumulativeCount(0));
        assertEquals(4, p.cumulativeCount(1));
        assertEquals(5, p.cumulativeCount(2));
        assertEquals(7, p.cumulativeCount(3));
        assertEquals(7, p.count());
        assertEquals(Double.POSITIVE_INFINITY, p.sum());
        assertNull(p.quantiles());
    }

    @Test
    void nanObservationThrowsNamingTheHistogram() {
        Histogram h = registry.histogram("task_duration_seconds");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> h.observe(Double.NaN));
        assertTrue(e.getMessage().contains("tasker_task_duration_seconds"), e.getMessage());
    }

    @Test
    void defaultBucketsAreTheDesignDocuments() {
        Histogram h = registry.histogram("task_duration_seconds");
        assertEquals(
                java.util.List.of(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0),
                h.bounds().toList());
        assertEquals("+Inf", h.bounds().le(11));
    }

    @Test
    void observationsTheSketchCannotTakeAreCountedAndExposed() {
        Histogram h =
                Histogram.builder("odd_seconds").labelNames("task").quantiles().register(registry);
        h.labels("a").observe(-1);
        h.labels("b").observe(Double.POSITIVE_INFINITY);
        h.labels("b").observe(0.5);
        assertEquals(2, h.sketchRejected());
        assertEquals(2, registry.sketchRejectedObservations());
        long counted = ((HistogramSnapshot)
                        registry.snapshot().family("tasker_odd_seconds").orElseThrow())
                .points().stream().mapToLong(HistogramSnapshot.Point::count).sum();
        assertEquals(3, counted, "the buckets keep every observation");
    }

    @Test
    void quantilesComeFromTheSketchWithoutInterpolation() {
        Histogram h = Histogram.builder("task_duration_seconds").quantiles().register(registry);
        for (int i = 1; i <= 1000; i++) {
            h.observe(i / 1000.0);
        }
        HistogramSnapshot.Point p = histogram(registry.snapshot(), "tasker_task_duration_seconds");
        assertEquals(1000, p.quantiles().count());
        assertEquals(0.95, p.quantiles().valueAt(0.95), 0.95 * 0.01);
        assertEquals(0.5, p.quantiles().valueAt(0.5), 0.5 * 0.01);
        assertEquals(0.99, p.quantiles().valueAt(0.99), 0.99 * 0.01);
        // A second snapshot still holds everything: the sketch is cumulative.
        h.observe(2.0);
        assertEquals(
                1001,
                histogram(registry.snapshot(), "tasker_task_duration_seconds")
                        .quantiles()
                        .count());
    }

    @Test
    void oneCallStyleDefinesOnFirstUseAndMapsLabelsByName() {
        registry.incrementCounter("task_executions_total", 1, "status", "success", "task_name", "payment_processing");
        registry.incrementCounter("task_executions_total", 2, "task_name", "payment_processing", "status", "success");
        registry.incrementCounter(
                "task_executions_total", 1, Map.of("status", "failure", "task_name", "payment_processing"));
        registry.setGauge("queue_depth", 42, "queue", "default");
        registry.observeHistogram("task_duration_seconds", 0.3, "task_name", "payment_processing");
        registry.incrementCounter(
                "step_executions_total", 1, "step_name", "charge", "status", "success", "attempt", "1");
        registry.incrementCounter(
                "step_executions_total", 1, "attempt", "1", "step_name", "charge", "status", "success");
        MetricsSnapshot s = registry.snapshot();
        assertEquals(
                2,
                ((CounterSnapshot) s.family("tasker_step_executions").orElseThrow())
                        .points()
                        .get(0)
                        .value());
        CounterSnapshot c = (CounterSnapshot) s.family("tasker_task_executions").orElseThrow();
        assertEquals(3, c.points().get(0).value());
        assertEquals(
                Labels.of("status", "success", "task_name", "payment_processing"),
                c.points().get(0).labels());
        assertEquals(1, c.points().get(1).value());
        GaugeSnapshot g = (GaugeSnapshot) s.family("tasker_queue_depth").orElseThrow();
        assertEquals(42, g.points().get(0).value());
        assertEquals(1, histogram(s, "tasker_task_duration_seconds").count());
    }

    @Test
    void prefixIsAppliedOnceAndCanBeTurnedOff() {
        registry.counter("tasker_task_executions_total");
        registry.counter("step_executions_total");
        assertTrue(registry.snapshot().family("tasker_task_executions").isPresent());
        assertTrue(registry.snapshot().family("tasker_step_executions").isPresent());
        MetricRegistry bare = new MetricRegistry(RegistryOptions.defaults().withMetricPrefix(""));
        bare.counter("jobs_total").inc();
        assertTrue(bare.snapshot().family("jobs").isPresent());
    }

    @Test
    void snapshotIsStampedByTheInjectedClock() {
        assertEquals(Instant.parse("2026-01-01T12:00:00Z"), registry.snapshot().timestamp());
        clock.advance(java.time.Duration.ofSeconds(30));
        assertEquals(Instant.parse("2026-01-01T12:00:30Z"), registry.snapshot().timestamp());
    }

    @Test
    void labelsInSnapshotsAreSortedByName() {
        registry.counter("task_executions_total", "task_name", "status")
                .labels("payment", "success")
                .inc();
        CounterSnapshot c = (CounterSnapshot)
                registry.snapshot().family("tasker_task_executions").orElseThrow();
        Labels labels = c.points().get(0).labels();
        assertEquals("status", labels.name(0));
        assertEquals("success", labels.value(0));
        assertEquals("task_name", labels.name(1));
        assertEquals("payment", labels.value(1));
    }

    @Test
    void snapshotsAreImmutable() {
        Counter c = registry.counter("jobs_total");
        c.inc();
        MetricsSnapshot before = registry.snapshot();
        c.inc();
        assertEquals(
                1, ((CounterSnapshot) before.families().get(0)).points().get(0).value());
        assertThrows(
                UnsupportedOperationException.class, () -> before.families().clear());
    }

    static HistogramSnapshot.Point histogram(MetricsSnapshot s, String name) {
        return ((HistogramSnapshot) s.family(name).orElseThrow()).points().get(0);
    }
}
