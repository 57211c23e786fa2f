package io.tasker.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tasker.metrics.snapshot.HistogramSnapshot;
import io.tasker.metrics.snapshot.MetricsSnapshot;
import org.junit.jupiter.api.Test;

/** Saved state added to a fresh registry reads back as it was saved. */
class RestoreTest {
    @Test
    void aRestoredRegistrySnapshotsAsTheSavedOne() {
        MetricRegistry before = new MetricRegistry(RegistryOptions.defaults().withMaxSeriesPerMetric(2));
        before.counter("task_executions_total", "status", "task_name")
                .labels("success", "pay")
                .inc(7.5);
        before.counter("task_executions_total", "status", "task_name")
                .labels("failure", "pay")
                .inc(2);
        before.counter("task_executions_total", "status", "task_name")
                .labels("failure", "ship")
                .inc(1);
        before.setGauge("queue_depth", 4, "queue", "default");
        Histogram h = Histogram.builder("task_duration_seconds")
                .labelNames("task_name")
                .quantiles()
                .register(before);
        for (int i = 1; i <= 100; i++) {
            h.labels("pay").observe(i / 100.0);
        }
        MetricsSnapshot saved = before.snapshot();

        MetricRegistry after = new MetricRegistry(RegistryOptions.defaults().withMaxSeriesPerMetric(2));
        after.restore(saved.families());
        MetricsSnapshot restored = after.snapshot();
        assertEquals(saved.families().size(), restored.families().size());
        for (int i = 0; i < saved.families().size(); i++) {
            if (saved.families().get(i) instanceof HistogramSnapshot hs) {
                HistogramSnapshot.Point a = hs.points().get(0);
                HistogramSnapshot.Point b = ((HistogramSnapshot)
                                restored.families().get(i))
                        .points()
                        .get(0);
                assertEquals(a.count(), b.count());
                assertEquals(a.sum(), b.sum(), 1e-12);
                assertEquals(a.quantiles().valueAt(0.95), b.quantiles().valueAt(0.95));
            } else {
                assertEquals(
                        saved.families().get(i).points(),
                        restored.families().get(i).points());
            }
        }
        // Recording goes on from the restored values.
        after.counter("task_executions_total", "status", "task_name")
                .labels("success", "pay")
                .inc();
        assertEquals(
                8.5,
                after.counter("task_executions_total", "status", "task_name")
                        .labels("success", "pay")
                        .value());
    }
}
