package io.tasker.metrics.console.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.Counter;
import io.tasker.metrics.Gauge;
import io.tasker.metrics.Histogram;
import io.tasker.metrics.ManualClock;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.console.chart.SeriesData;
import io.tasker.metrics.console.chart.SeriesReader;
import io.tasker.metrics.console.chart.Window;
import io.tasker.metrics.console.db.Database;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Instances that sync every 10, 30 or 60 s sampled every 15 s: a steady workload draws a steady
 * line, histogram quantiles have a value at every time, gauges move when they moved, and the
 * x-axis spans the window asked for. Three hours by a manual clock, so that the 6 h window
 * reads minute rows as well as raw ones.
 */
class SyncIntervalsTest {
    private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");
    private static final double RATE = 4;

    @ParameterizedTest(name = "sync every {0} s")
    @ValueSource(ints = {10, 30, 60})
    void aSteadyWorkloadDrawsASteadyLine(int syncEvery) throws Exception {
        ManualClock clock = new ManualClock(START);
        SyncingInstance instance = new SyncingInstance(clock, syncEvery, 7 % syncEvery);
        HistorySettings settings = new HistorySettings(
                Duration.ofSeconds(15),
                100,
                List.of(Duration.ofMinutes(90), Duration.ofHours(8), Duration.ofDays(7), Duration.ofDays(90)),
                Duration.ofSeconds(syncEvery));
        try (Database db = Database.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")) {
            HistoryService history =
                    new HistoryService(db.dataSource(), settings, clock, instance::view, instance::syncedAt);
            Steady work = new Steady();
            for (int s = 0; s < 3 * 3600; s++) {
                instance.second(work::record);
                if (clock.wallTimeMillis() / 1000 % 15 == 0) {
                    history.tick();
                }
            }
            long now = clock.wallTimeMillis() / 1000;
            SeriesReader reader = new SeriesReader(history.store(), settings);
            for (Window window : List.of(Window.H1, Window.H6)) {
                SeriesData jobs = reader.read("tasker_jobs_total", List.of(), window, now);
                assertEquals(now - window.seconds(), jobs.from(), "the x-axis starts where the window does");
                assertEquals(now, jobs.to());
                assertSteady(jobs.lines().get(0), RATE, window + " jobs");
                SeriesData durations = reader.read("tasker_job_seconds", List.of(), window, now);
                SeriesData.Line p95 = durations.lines().get(1);
                assertEquals("p95", p95.field());
                assertSteady(p95, 0.3, window + " p95");
                assertSteady(durations.lines().get(3), RATE, window + " observations");
            }
            assertMovesAtEveryPoint(reader.read("tasker_depth", List.of(), Window.H1, now)
                    .lines()
                    .get(0));
        }
    }

    /** Every value after the first within 1% of {@code expected}, and never a gap after the first. */
    private static void assertSteady(SeriesData.Line line, double expected, String what) {
        Double[] values = line.values();
        int first = 0;
        while (first < values.length && values[first] == null) {
            first++;
        }
        assertTrue(values.length - first > 40, what + ": " + values.length + " points");
        for (int i = first + 1; i < values.length; i++) {
            assertNotNull(values[i], what + " has a gap at " + i);
            assertEquals(expected, values[i], expected / 100, what + " at " + i);
        }
    }

    /** A gauge that climbs by one a second is drawn climbing: no two points in a row alike, no staircase. */
    private static void assertMovesAtEveryPoint(SeriesData.Line line) {
        Double previous = null;
        int points = 0;
        for (Double v : line.values()) {
            if (v != null) {
                assertTrue(previous == null || v > previous, "the gauge stood still at " + v);
                previous = v;
                points++;
            }
        }
        assertTrue(points > 40, "points " + points);
    }

    /** Four jobs a second, each 0.3 s, and a queue that grows by one a second. */
    private static final class Steady {
        private Counter jobs;
        private Histogram durations;
        private Gauge depth;
        private long seconds;

        void record(MetricRegistry registry) {
            if (jobs == null) {
                jobs = registry.counter("jobs_total");
                durations = Histogram.builder("job_seconds").quantiles().register(registry);
                depth = registry.gauge("depth");
            }
            jobs.inc(RATE);
            for (int i = 0; i < RATE; i++) {
                durations.observe(0.3);
            }
            depth.set(++seconds);
        }
    }
}
