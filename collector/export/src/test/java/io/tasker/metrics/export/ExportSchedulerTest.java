package io.tasker.metrics.export;

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
        try (ExportScheduler scheduler = new ExportScheduler(
                        coordinator,
                        () -> new FileDestination(new JsonWriter(), dir, null, clock),
                        clock,
                        Duration.ofMinutes(2))
                .start()) {
            awaitTrue(() -> scheduler.nextRun().isPresent());
            assertEquals(
                    Instant.parse("2026-01-01T12:02:00Z"), scheduler.nextRun().orElseThrow(), "optimal timing");
            Thread.sleep(300);
            assertTrue(coordinator.history().list().isEmpty(), "nothing before the planned time");
            clock.advance(Duration.ofMinutes(2));
            awaitTrue(() -> coordinator.history().list().size() == 1);
            ExportRecord r = coordinator.history().list().get(0);
            assertTrue(r.success(), r.toString());
            assertEquals("scheduler", r.trigger());
            // Exported at the last safe moment, the export extended the data's time to live first,
            // and nothing exports again at once: the next run is planned ahead.
            assertEquals("TTL extension", r.timing());
            Thread.sleep(700);
            assertEquals(1, coordinator.history().list().size());
            assertTrue(scheduler.nextRun().orElseThrow().isAfter(clock.instant()), "planned ahead, not in a loop");
            clock.advance(Duration.ofMinutes(3));
            awaitTrue(() -> coordinator.history().list().size() == 2);
        }
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(20);
        }
    }
}
