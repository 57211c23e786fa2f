package io.tasker.metrics.console.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.Histogram;
import io.tasker.metrics.ManualClock;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.console.db.Database;
import io.tasker.metrics.console.db.TestDatabases;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * No series can stop the history of the others, and alerts are judged at every tick whatever the
 * history did. The case: {@code counter("wide_total","a","b","c").labels(x, x, x)} with
 * {@code x} 1,000 characters (each value within the 1,024-byte limit) made every tick fail.
 */
class UnstorableSeriesTest {
    private final Database db = open();

    /** The database the tests run on: H2 here, PostgreSQL in the subclass that runs them there too. */
    Database open() {
        return TestDatabases.h2();
    }

    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T00:00:00Z"));
    private final MetricRegistry registry = new MetricRegistry();
    private final HistoryService history = new HistoryService(
            db.dataSource(),
            new HistorySettings(
                    Duration.ofSeconds(60),
                    100,
                    List.of(Duration.ofHours(2), Duration.ofHours(8), Duration.ofDays(1), Duration.ofDays(90))),
            clock,
            registry::snapshot);

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aSeriesTooLongForItsColumnIsSkippedAndCountedWhileTheOthersAreStored() throws Exception {
        String x = "x".repeat(1000);
        registry.counter("wide_total", "a", "b", "c").labels(x, x, x).inc();
        for (int i = 0; i < 3; i++) {
            registry.counter("task_executions_total", "task_name")
                    .labels("payment")
                    .inc(2);
            history.tick();
            clock.advance(Duration.ofMinutes(1));
        }
        HistoryService.HistoryStatus status = history.status();
        assertNull(status.error(), "one wide series must not fail the tick");
        assertEquals(1, status.skipped());
        assertTrue(
                status.skippedSeries().get(0).startsWith("tasker_wide{a=\"xxx"),
                status.skippedSeries().toString());
        assertTrue(status.skippedSeries().get(0).length() < 300, "named, not dumped: " + status.skippedSeries());
        int id = history.store().family("tasker_task_executions").get(0).id();
        assertEquals(3, history.store().read(id, Tier.RAW, 0).size());
        assertTrue(history.store().family("tasker_wide").isEmpty());
    }

    @Test
    void aHistogramWithMoreBucketsThanTheColumnsHoldIsSkipped() throws Exception {
        double[] bounds = new double[400];
        for (int i = 0; i < bounds.length; i++) {
            bounds[i] = i + 1;
        }
        Histogram.builder("wide_seconds")
                .buckets(bounds)
                .register(registry)
                .labels()
                .observe(3);
        registry.setGauge("queue_depth", 4);
        history.tick();
        assertNull(history.status().error());
        assertEquals(1, history.status().skipped());
        assertFalse(history.store().family("tasker_queue_depth").isEmpty());
    }

    @Test
    void aSeriesTheDatabaseRefusesCostsOnlyItself() throws Exception {
        SeriesKey wide = new SeriesKey("wide", "a=\"" + "x".repeat(3000) + "\"", "counter", null);
        SeriesKey fine = new SeriesKey("fine", "", "counter", null);
        var ids = history.store().ids(List.of(wide, fine));
        assertNotNull(ids.get(fine.id()), "the batch's other series is stored");
        assertNull(ids.get(wide.id()));
    }

    @Test
    void alertsAreJudgedAtEveryTickEvenWhenTheHistoryFails() throws Exception {
        AtomicInteger judged = new AtomicInteger();
        history.onSample(() -> {
            throw new IllegalStateException("a listener that fails stops no other");
        });
        history.onSample(judged::incrementAndGet);
        registry.setGauge("queue_depth", 4);
        history.tick();
        try (Connection c = db.dataSource().getConnection();
                var s = c.createStatement()) {
            s.execute("DROP TABLE history_series");
        }
        clock.advance(Duration.ofMinutes(1));
        registry.setGauge("queue_length", 1);
        history.tick();
        assertNotNull(history.status().error(), "the history failed");
        assertEquals(2, judged.get(), "the alerts were judged anyway");
    }
}
