package io.tasker.metrics.export;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.ManualClock;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.RegistryOptions;
import io.tasker.metrics.formats.JsonWriter;
import io.tasker.metrics.store.MemoryStore;
import io.tasker.metrics.sync.ClusterReader;
import io.tasker.metrics.sync.ClusterSync;
import io.tasker.metrics.sync.SyncOptions;
import io.tasker.metrics.sync.SyncStrategy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportSchedulerTest {
    @TempDir
    Path dir;

    @Test
    void exportsAtThePlannedTimeAndNotInALoop() throws Exception {
        ManualClock clock = new ManualClock(Instant.parse("2026-01-01T12:00:00Z"));
        MemoryStore store = new MemoryStore(clock);
        MetricRegistry registry = new MetricRegistry(RegistryOptions.defaults().withClock(clock));
        registry.counter("jobs_total").inc(3);
        ClusterSync sync = new ClusterSync(store, SyncOptions.defaults("web-1"), clock, registry::snapshot);
        sync.sync(SyncStrategy.LOCAL_ONLY);
        ExportCoordinator coordinator = new ExportCoordinator(
                new ClusterReader(store, SyncOptions.defaults("web-1"), clock),
                sync::instanceId,
                new ExportTiming(Duration.ofMinutes(5), Duration.ofMinutes(1), Duration.ofMinutes(2)),
                Duration.ofMinutes(5),
                0,
                clock,
                clock::advance);
        // Stepped by the test at known times of its manual clock: no thread, no sleep.
        ExportScheduler scheduler = new ExportScheduler(
                coordinator,
                () -> new FileDestination(new JsonWriter(), dir, null, clock),
                clock,
                Duration.ofMinutes(2));

        Instant planned = scheduler.step();
        assertEquals(Instant.parse("2026-01-01T12:02:00Z"), planned, "optimal timing");
        assertEquals(planned, scheduler.nextRun().orElseThrow());
        clock.advance(Duration.ofSeconds(119));
        assertEquals(planned, scheduler.step());
        assertTrue(coordinator.history().list().isEmpty(), "nothing before the planned time");

        clock.advance(Duration.ofSeconds(1));
        Instant after = scheduler.step();
        assertEquals(1, coordinator.history().list().size());
        ExportRecord r = coordinator.history().list().get(0);
        assertTrue(r.success(), r.toString());
        assertEquals(ExportTrigger.SCHEDULER, r.trigger());
        // Exported at the last safe moment, the export extended the data's time to live first,
        // and nothing exports again at once: the next run is planned ahead.
        assertEquals(ExportTiming.Reason.TTL_EXTENSION, r.timing());
        assertTrue(after.isAfter(clock.instant()), "planned ahead, not in a loop: " + after);
        assertEquals(after, scheduler.step());
        assertEquals(1, coordinator.history().list().size());

        clock.advance(Duration.between(clock.instant(), after));
        scheduler.step();
        assertEquals(2, coordinator.history().list().size());
    }

    @Test
    void theThreadRunsTheSameSteps() throws Exception {
        ManualClock clock = new ManualClock(Instant.parse("2026-01-01T12:00:00Z"));
        MemoryStore store = new MemoryStore(clock);
        ClusterSync sync = new ClusterSync(
                store,
                SyncOptions.defaults("web-1"),
                clock,
                () -> new MetricRegistry(RegistryOptions.defaults().withClock(clock)).snapshot());
        sync.sync(SyncStrategy.LOCAL_ONLY);
        ExportCoordinator coordinator = new ExportCoordinator(
                new ClusterReader(store, SyncOptions.defaults("web-1"), clock),
                sync::instanceId,
                new ExportTiming(Duration.ofMinutes(5), Duration.ofMinutes(1), Duration.ofMinutes(2)),
                Duration.ofMinutes(5),
                0,
                clock,
                clock::advance);
        try (ExportScheduler scheduler = new ExportScheduler(
                        coordinator,
                        () -> new FileDestination(new JsonWriter(), dir, null, clock),
                        clock,
                        Duration.ofMinutes(2))
                .start()) {
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> scheduler.nextRun().isPresent());
            clock.advance(Duration.ofMinutes(2));
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> coordinator.history().list().size() == 1);
        }
    }
}
