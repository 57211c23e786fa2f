package io.tasker.metrics.sync;

import io.tasker.metrics.testing.SyncFixture;
import io.tasker.metrics.testing.ClockedMemoryStore;
import io.tasker.metrics.testing.ClusterSyncContract;
import static io.tasker.metrics.testing.SyncFixture.counter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.Clock;
import io.tasker.metrics.store.CacheStore;
import io.tasker.metrics.store.MemoryStore;
import org.junit.jupiter.api.Test;

class MemoryClusterSyncTest extends ClusterSyncContract {
    @Override
    protected CacheStore newStore(Clock clock) {
        return new ClockedMemoryStore(new MemoryStore(clock));
    }

    @Test
    void aFailedSyncIsReportedAndTheNextOneCatchesUp() {
        var a = fx.instance("a");
        a.registry().counter("jobs_total").inc(3);
        ((ClockedMemoryStore) fx.store).failNext(1);
        SyncResult failed = a.sync().sync(ATOMIC);
        assertTrue(!failed.success() && failed.error().contains("injected"), failed.toString());
        a.registry().counter("jobs_total").inc(1);
        assertTrue(a.sync().sync(ATOMIC).success());
        assertEquals(4, counter(a.reader().readView().snapshot(), "tasker_jobs"));
        assertNull(a.sync().sync(ATOMIC).error());
    }
}
