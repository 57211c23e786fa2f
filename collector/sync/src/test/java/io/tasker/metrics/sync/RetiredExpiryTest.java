package io.tasker.metrics.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.ManualClock;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.RegistryOptions;
import io.tasker.metrics.snapshot.CounterSnapshot;
import io.tasker.metrics.snapshot.MetricsSnapshot;
import io.tasker.metrics.store.MemoryStore;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Retired series older than the retention window are dropped unless a live instance still has
 * them, both when the view is read (asked of the running totals) and when a later fold writes a
 * new generation (asked of the survivors, read only then).
 */
class RetiredExpiryTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T12:00:00Z"));
    private final MemoryStore store = new MemoryStore(clock);

    @Test
    void anOldRetiredSeriesStaysWhileALiveInstanceHasItAndGoesOtherwise() {
        Instance a = new Instance("a", 1);
        Instance b = new Instance("b", 10);
        Instance c = new Instance("c", 100);
        b.registry.counter("old_total").inc(5);
        b.sync(SyncStrategy.LOCAL_ONLY);
        ClusterReader reader = new ClusterReader(store, options("reader"), clock);

        keepSyncing(Duration.ofMinutes(15), a, c); // b stops: folded once it has been quiet for 10 minutes.
        assertEquals(
                1,
                reader.maintenance().housekeep(SyncStrategy.DISTRIBUTED_ATOMIC).retiredInstances());
        keepSyncing(Duration.ofMinutes(20), a, c); // b's retired series are now older than the 30 minutes.
        MetricsSnapshot view = reader.readView().snapshot();
        assertEquals(111, jobs(view), "b's jobs stay: a and c still have the series");
        assertTrue(view.family("tasker_old").isEmpty(), "nobody has old_total any more");

        keepSyncing(Duration.ofMinutes(15), a); // c stops; its fold writes a new generation.
        assertEquals(
                1,
                reader.maintenance().housekeep(SyncStrategy.DISTRIBUTED_ATOMIC).retiredInstances());
        view = reader.readView().snapshot();
        assertEquals(2, reader.readView().retiredGeneration());
        assertEquals(111, jobs(view), "the new generation kept b's jobs, which a still has");
        assertTrue(view.family("tasker_old").isEmpty());
    }

    private void keepSyncing(Duration span, Instance... alive) {
        for (Duration d = Duration.ZERO; d.compareTo(span) < 0; d = d.plusMinutes(5)) {
            clock.advance(Duration.ofMinutes(5));
            for (Instance i : alive) {
                i.sync(SyncStrategy.LOCAL_ONLY); // Writes without folding: the test folds when it means to.
            }
        }
    }

    private static double jobs(MetricsSnapshot view) {
        return ((CounterSnapshot) view.family("tasker_jobs").orElseThrow())
                .points().stream().mapToDouble(CounterSnapshot.Point::value).sum();
    }

    private static SyncOptions options(String id) {
        return new SyncOptions("expiry", id, 100, Duration.ofMinutes(30), Duration.ofMinutes(10), false);
    }

    private final class Instance {
        final MetricRegistry registry =
                new MetricRegistry(RegistryOptions.defaults().withClock(clock));
        final ClusterSync sync;

        Instance(String id, int jobs) {
            this.sync = new ClusterSync(store, options(id), clock, registry::snapshot);
            registry.counter("jobs_total", "task").labels("x").inc(jobs);
            sync(SyncStrategy.LOCAL_ONLY);
        }

        void sync(SyncStrategy strategy) {
            assertTrue(sync.sync(strategy).success());
        }
    }
}
