package io.tasker.metrics.console.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tasker.metrics.Histogram;
import io.tasker.metrics.ManualClock;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.console.chart.Window;
import io.tasker.metrics.console.db.Database;
import io.tasker.metrics.console.history.HistoryService;
import io.tasker.metrics.console.history.HistorySettings;
import io.tasker.metrics.console.history.SeriesKey;
import io.tasker.metrics.snapshot.Labels;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A histogram without quantile sketches: the Tasks page interpolates from its buckets and says so. */
class TaskStatsTest {
    @Test
    void aTaskNameWithQuotesBackslashesAndNewlinesComesBackWhole() {
        String name = "say \"hi\"\\ now\nthen";
        String text = SeriesKey.labelsText(Labels.of("status", "failure", "task_name", name));
        assertEquals(name, TaskStats.labels(text).get("task_name"), text);
        assertEquals("failure", TaskStats.labels(text).get("status"), text);
    }

    @Test
    void withoutSketchesQuantilesComeFromBucketsAndAreMarked() {
        MetricRegistry registry = new MetricRegistry();
        Histogram durations = Histogram.builder("task_duration_seconds")
                .labelNames("task_name")
                .buckets(0.1, 1, 10)
                .register(registry);
        ManualClock clock = new ManualClock(Instant.parse("2026-03-01T12:00:00Z"));
        try (Database db = Database.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")) {
            HistoryService history =
                    new HistoryService(db.dataSource(), HistorySettings.defaults(), clock, registry::snapshot);
            for (int i = 0; i < 4; i++) {
                for (int k = 0; k < 10; k++) {
                    durations.labels("payment").observe(0.5);
                }
                history.tick();
                clock.advance(Duration.ofSeconds(15));
            }
            List<TaskRow> rows = new TaskStats(history, registry.options()::prefixed, 0.05).rows(Window.M5);
            assertEquals(1, rows.size());
            assertEquals("buckets", rows.get(0).quantiles());
            assertEquals(0.55, rows.get(0).p50(), 1e-9, "halfway through the 0.1..1 bucket");
            assertEquals(0.1 + 0.9 * 0.99, rows.get(0).p99(), 1e-9);
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }
}
