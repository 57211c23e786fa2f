package io.tasker.metrics.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.Clock;
import io.tasker.metrics.export.internal.ExportLock;
import io.tasker.metrics.snapshot.MetricsSnapshot;
import io.tasker.metrics.store.MemoryStore;
import io.tasker.metrics.store.Record;
import io.tasker.metrics.store.StoreException;
import io.tasker.metrics.sync.ClusterReader;
import io.tasker.metrics.sync.SyncOptions;
import io.tasker.metrics.testing.DelegatingStore;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** The export lock and the coordinator when the store fails at the worst moments. */
class ExportLockFaultsTest {
    private static final String LOCK = "tasker:lock:export";

    private final FailingStore store = new FailingStore();

    @Test
    void aStoreFailureReadingTheHolderIsASkipNotAnException() {
        store.add(LOCK, new Record(0, "web-9/abc".getBytes()), Duration.ofMinutes(5));
        store.failing.add("get");
        ExportRecord r = coordinator(Duration.ofMinutes(5)).export(new Counting(), ExportTrigger.CLI);
        assertEquals(ExportRecord.Outcome.SKIPPED, r.outcome(), r.toString());
        assertTrue(r.error().startsWith("skipped: another instance is exporting"), r.error());
    }

    @Test
    void aFencingFailureReleasesTheLockItJustTook() {
        ExportLock lock = new ExportLock(store, SyncOptions.defaults("web-1").keys(), "export");
        store.failing.add("increment");
        assertThrows(StoreException.class, () -> lock.tryAcquire("web-1", Duration.ofMinutes(5)));
        store.failing.clear();
        assertTrue(lock.holder().isEmpty(), "the lock is free again, not held until its TTL");
        ExportRecord next = coordinator(Duration.ofMinutes(5)).export(new Counting(), ExportTrigger.CLI);
        assertEquals(ExportRecord.Outcome.SUCCESS, next.outcome(), next.toString());
    }

    @Test
    void anExportThatLostItsLockSaysSoInItsRecord() {
        ExportCoordinator coordinator = coordinator(Duration.ofMillis(300));
        ExportRecord r = coordinator.export(
                new Counting() {
                    @Override
                    public Delivery deliver(MetricsSnapshot snapshot) {
                        // Another exporter takes over while this one is slow: the renewal finds the lock not ours.
                        store.delete(LOCK);
                        store.add(LOCK, new Record(0, "web-2/xyz".getBytes()), Duration.ofMinutes(5));
                        sleep(400); // Slower than the 300 ms job timeout, which is the point: not a wait.
                        return super.deliver(snapshot);
                    }
                },
                ExportTrigger.CLI);
        assertEquals(ExportRecord.Outcome.SUCCESS, r.outcome(), r.toString());
        assertTrue(r.error() != null && r.error().contains("export lock was lost"), r.toString());
        assertEquals(r, coordinator.history().list().get(0), "the shared history says it too");
        assertEquals("web-2/xyz", coordinator.lock().holder().orElseThrow(), "the other's lock is left alone");
    }

    private ExportCoordinator coordinator(Duration jobTimeout) {
        ClusterReader reader = new ClusterReader(store, SyncOptions.defaults("web-1"), Clock.SYSTEM);
        return new ExportCoordinator(
                reader,
                () -> "web-1",
                new ExportTiming(Duration.ofMinutes(5), Duration.ofMinutes(1), Duration.ofMinutes(2)),
                jobTimeout,
                0,
                Clock.SYSTEM,
                d -> {});
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A memory store whose named operations fail while listed. */
    private static final class FailingStore extends DelegatingStore {
        final Set<String> failing = ConcurrentHashMap.newKeySet();

        FailingStore() {
            super(new MemoryStore(Clock.SYSTEM));
        }

        @Override
        protected void before(String operation) {
            if (failing.contains(operation)) {
                throw new StoreException("injected failure of " + operation);
            }
        }
    }

    /** A destination that only counts what it is given. */
    private static class Counting implements ExportDestination {
        @Override
        public String describe() {
            return "counting";
        }

        @Override
        public ExportFormat format() {
            return ExportFormat.JSON;
        }

        @Override
        public Delivery deliver(MetricsSnapshot snapshot) {
            return new Delivery(snapshot.families().size(), 1, 1, null, null);
        }
    }
}
