package io.tasker.metrics.console.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.Histogram;
import io.tasker.metrics.ManualClock;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.console.chart.Window;
import io.tasker.metrics.console.db.Database;
import io.tasker.metrics.console.history.HistoryService;
import io.tasker.metrics.console.history.HistorySettings;
import io.tasker.metrics.console.history.Tier;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The Tasks page's p50/p95/p99 are the quantiles of the window's observations, read once from
 * the rows' sketches merged, over windows that read raw, minute and hour rows together; checked
 * against the exact quantiles of the raw observations, within the sketch's relative error.
 */
class MergedQuantilesTest {
    private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");
    private static final double RELATIVE_ERROR = 1.0 / 128;
    private static final double[] QS = {0.5, 0.95, 0.99};

    /** When each observation was made, epoch seconds, and its value. */
    private record Observation(long at, double value) {}

    @Test
    void windowQuantilesAreThoseOfAllTheirObservations() throws Exception {
        ManualClock clock = new ManualClock(START);
        MetricRegistry registry = new MetricRegistry();
        Histogram durations = Histogram.builder("task_duration_seconds")
                .labelNames("task_name")
                .quantiles()
                .register(registry);
        // Raw rows for 30 minutes, minute rows for an hour, hours after that: 3 hours cross all three.
        HistorySettings settings = new HistorySettings(
                Duration.ofSeconds(15),
                100,
                List.of(Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofDays(7), Duration.ofDays(90)));
        Random random = new Random(25);
        List<Observation> observations = new ArrayList<>();
        try (Database db = Database.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")) {
            HistoryService history = new HistoryService(db.dataSource(), settings, clock, registry::snapshot);
            durations.labels("payment").observe(1); // Before the first row: no row holds it.
            history.tick();
            for (int s = 0; s < 3 * 3600; s++) {
                clock.advance(Duration.ofSeconds(1));
                long now = clock.wallTimeMillis() / 1000;
                // Slower in the second hour, so that an average of per-interval quantiles would be off.
                double scale = s / 3600 == 1 ? 2.0 : 0.2;
                for (int k = 0; k < 3; k++) {
                    double value = scale * Math.exp(random.nextGaussian());
                    durations.labels("payment").observe(value);
                    observations.add(new Observation(now, value));
                }
                if (now % 15 == 0) {
                    history.tick();
                }
            }
            long[] rows = history.store().rowCounts();
            assertTrue(rows[Tier.HOUR.ordinal()] >= 2, "hour rows: " + rows[Tier.HOUR.ordinal()]);
            long now = clock.wallTimeMillis() / 1000;
            TaskStats stats = new TaskStats(history, registry.options()::prefixed, 0.05);
            for (Window window : List.of(Window.H1, Window.H24)) {
                // A row at t holds what was observed in (t - 15, t]: the window's rows, what it asks for.
                long from = now - window.seconds() - 15;
                List<Double> values = new ArrayList<>();
                observations.stream().filter(o -> o.at() > from).forEach(o -> values.add(o.value()));
                values.sort(null);
                TaskRow row = stats.rows(window).get(0);
                assertEquals("sketch", row.quantiles());
                Double[] got = {row.p50(), row.p95(), row.p99()};
                for (int i = 0; i < QS.length; i++) {
                    double exact = values.get((int) Math.ceil(QS[i] * values.size()) - 1);
                    assertEquals(exact, got[i], exact * RELATIVE_ERROR, window.word() + " p" + (int) (QS[i] * 100));
                }
            }
        }
    }
}
