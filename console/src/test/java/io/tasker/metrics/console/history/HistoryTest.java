package io.tasker.metrics.console.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.Counter;
import io.tasker.metrics.Histogram;
import io.tasker.metrics.ManualClock;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.console.db.Database;
import io.tasker.metrics.console.db.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Days of samples in seconds: a manual clock, an in-memory H2, the real migrations. */
class HistoryTest {
    private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");

    private final Database db = open();

    /** The database the tests run on: H2 here, PostgreSQL in the subclass that runs them there too. */
    Database open() {
        return TestDatabases.h2();
    }

    private final ManualClock clock = new ManualClock(START);
    private final AtomicReference<MetricRegistry> registry = new AtomicReference<>(new MetricRegistry());

    @AfterEach
    void close() {
        db.close();
    }

    private HistoryService history(HistorySettings settings) {
        return new HistoryService(
                db.dataSource(), settings, clock, () -> registry.get().snapshot());
    }

    private static HistorySettings everyMinute() {
        return new HistorySettings(
                Duration.ofSeconds(60),
                100,
                List.of(Duration.ofHours(2), Duration.ofHours(8), Duration.ofDays(1), Duration.ofDays(90)));
    }

    @Test
    void threeDaysRollUpIntoMinutesHoursAndDaysAndOldRowsGo() throws Exception {
        HistoryService history = history(everyMinute());
        Counter runs = registry.get().counter("task_executions_total", "task_name");
        for (int minute = 0; minute < 3 * 24 * 60; minute++) {
            runs.labels("payment").inc(2);
            history.tick();
            clock.advance(Duration.ofMinutes(1));
        }
        long[] rows = history.store().rowCounts();
        // Retention runs every 5 minutes: a tier holds its retention and up to 5 minutes more.
        assertTrue(rows[Tier.RAW.ordinal()] <= 120 + 5, "raw rows kept for 2 h: " + rows[0]);
        assertTrue(rows[Tier.MINUTE.ordinal()] <= 480 + 5, "minute rows kept for 8 h: " + rows[1]);
        assertTrue(
                rows[Tier.HOUR.ordinal()] >= 23 && rows[Tier.HOUR.ordinal()] <= 25,
                "hour rows kept for a day: " + rows[2]);
        assertEquals(2, rows[Tier.DAY.ordinal()], "two whole days rolled up: " + rows[3]);

        int id = history.store().family("tasker_task_executions").get(0).id();
        List<Sample> days = history.store().read(id, Tier.DAY, 0);
        assertEquals(START.getEpochSecond(), days.get(0).start());
        // The first sample of all has no increase (nothing before it); every other minute adds 2.
        assertEquals(2.0 * 24 * 60 - 2, days.get(0).increase(), 1e-9);
        assertEquals(2.0 * 24 * 60, days.get(1).increase(), 1e-9);
        for (Sample hour : history.store().read(id, Tier.HOUR, 0)) {
            assertEquals(120.0, hour.increase(), 1e-9, "an hour of 2 per minute at " + hour.start());
        }
    }

    @Test
    void aCounterThatGoesDownWasResetAndNeverGivesANegativeRate() throws Exception {
        HistoryService history = history(everyMinute());
        registry.get()
                .counter("task_executions_total", "task_name")
                .labels("payment")
                .inc(100);
        history.tick();
        clock.advance(Duration.ofMinutes(1));
        registry.get()
                .counter("task_executions_total", "task_name")
                .labels("payment")
                .inc(10);
        history.tick();
        clock.advance(Duration.ofMinutes(1));
        registry.set(new MetricRegistry()); // The instance restarted: its counter starts again.
        registry.get()
                .counter("task_executions_total", "task_name")
                .labels("payment")
                .inc(3);
        history.tick();

        int id = history.store().family("tasker_task_executions").get(0).id();
        List<Sample> raw = history.store().read(id, Tier.RAW, 0);
        assertNull(raw.get(0).increase(), "nothing to compare the first sample with");
        assertEquals(10.0, raw.get(1).increase());
        assertEquals(3.0, raw.get(2).increase(), "after a reset the new value is the increase");
        assertEquals(3.0, raw.get(2).value());
    }

    @Test
    void aSeriesThatComesBackDoesNotClaimTheIncreaseOfItsAbsence() throws Exception {
        HistoryService history = history(everyMinute());
        MetricRegistry before = registry.get();
        before.counter("task_executions_total", "task_name").labels("payment").inc(5);
        history.tick();
        clock.advance(Duration.ofMinutes(1));
        registry.set(new MetricRegistry()); // Gone from the view for a sample (its instance expired).
        registry.get().setGauge("queue_depth", 1);
        history.tick();
        clock.advance(Duration.ofMinutes(1));
        before.counter("task_executions_total", "task_name").labels("payment").inc(500);
        registry.set(before);
        history.tick();

        int id = history.store().family("tasker_task_executions").get(0).id();
        List<Sample> raw = history.store().read(id, Tier.RAW, 0);
        assertEquals(2, raw.size());
        assertNull(raw.get(1).increase(), "unknown, rather than 500 in one minute");
    }

    @Test
    void histogramsKeepCountSumBucketsAndIntervalQuantiles() throws Exception {
        HistoryService history = history(everyMinute());
        Histogram durations = Histogram.builder("task_duration_seconds")
                .labelNames("task_name")
                .buckets(0.1, 1, 10)
                .quantiles()
                .register(registry.get());
        durations.labels("payment").observe(5);
        history.tick();
        clock.advance(Duration.ofMinutes(1));
        for (int i = 0; i < 100; i++) {
            durations.labels("payment").observe(0.05);
        }
        history.tick();

        int id = history.store().family("tasker_task_duration_seconds").get(0).id();
        Sample second = history.store().read(id, Tier.RAW, 0).get(1);
        assertEquals(101.0, second.value());
        assertEquals(100.0, second.increase());
        assertEquals(5.0, second.sumIncrease(), 1e-9);
        assertEquals(
                List.of(100L, 0L, 0L, 0L),
                java.util.Arrays.stream(second.buckets()).boxed().toList());
        assertNotNull(second.sketch());
        assertEquals(100, second.sketch().count(), "the interval's sketch, without the earlier 5 s observation");
        assertEquals(0.05, second.sketch().valueAt(0.99), 0.05 / 128);
    }

    @Test
    void recentRowsWaitInMemoryAndAStopWritesThem() throws Exception {
        HistoryService history = history(everyMinute());
        runEveryMinute(history, 3);
        int id = history.store().family("tasker_task_executions").get(0).id();
        assertEquals(3, history.store().read(id, Tier.RAW, 0).size(), "readers see the buffer");
        assertEquals(0, rawRowsInTable(), "nothing written yet: raw rows go to the table every 5 minutes");
        history.close();
        HistoryService next = history(everyMinute());
        assertEquals(3, next.store().read(id, Tier.RAW, 0).size(), "the stop wrote them");
    }

    @Test
    void aWriteIntervalOfZeroWritesEverySampleAtOnceSoThatACrashLosesNone() throws Exception {
        HistoryService history = history(new HistorySettings(
                Duration.ofSeconds(60),
                100,
                List.of(Duration.ofHours(2), Duration.ofHours(8), Duration.ofDays(7), Duration.ofDays(90)),
                Duration.ofSeconds(30),
                Duration.ZERO));
        runEveryMinute(history, 2);
        assertEquals(2, rawRowsInTable(), "both samples in the table, without a stop");
    }

    /** A counter that moves every minute, sampled every minute. */
    private void runEveryMinute(HistoryService history, int minutes) {
        for (int minute = 0; minute < minutes; minute++) {
            registry.get()
                    .counter("task_executions_total", "task_name")
                    .labels("payment")
                    .inc(1);
            history.tick();
            clock.advance(Duration.ofMinutes(1));
        }
    }

    private long rawRowsInTable() throws Exception {
        try (var c = db.connection();
                var s = c.createStatement()) {
            var r = s.executeQuery("SELECT COUNT(*) FROM history_sample WHERE tier = 0");
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    void aWriteIntervalPastAnHourIsRefusedWithItsRange() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new HistorySettings(
                        Duration.ofSeconds(15),
                        100,
                        HistorySettings.defaults().retention(),
                        Duration.ofSeconds(30),
                        Duration.ofHours(2)));
        assertTrue(e.getMessage().contains("console.history.write_interval"), e.getMessage());
    }

    @Test
    void pastMaxSeriesTheBusiestFamiliesAreKeptAndTheRestNamed() {
        HistoryService history = history(new HistorySettings(
                Duration.ofSeconds(60),
                3,
                List.of(Duration.ofHours(2), Duration.ofHours(8), Duration.ofDays(7), Duration.ofDays(90))));
        registry.get().setGauge("queue_depth", 1, "queue", "a");
        registry.get().setGauge("queue_depth", 1, "queue", "b");
        registry.get().setGauge("workers", 4);
        registry.get().incrementCounter("big_total", 1, "k", "1");
        registry.get().incrementCounter("big_total", 1, "k", "2");
        history.tick();
        HistoryService.HistoryStatus status = history.status();
        assertNull(status.error());
        assertEquals(5, status.total());
        assertTrue(status.kept() <= 3, "kept " + status.kept());
        assertEquals(1, status.leftOut().size(), status.leftOut().toString());
    }
}
