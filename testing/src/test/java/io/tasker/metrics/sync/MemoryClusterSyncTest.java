package io.tasker.metrics.sync;

import static io.tasker.metrics.testing.SyncFixture.counter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.Clock;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.RegistryOptions;
import io.tasker.metrics.store.CacheStore;
import io.tasker.metrics.store.MemoryStore;
import io.tasker.metrics.store.Record;
import io.tasker.metrics.store.StoreException;
import io.tasker.metrics.testing.ClockedMemoryStore;
import io.tasker.metrics.testing.ClusterSyncContract;
import io.tasker.metrics.testing.DelegatingStore;
import io.tasker.metrics.testing.SyncFixture;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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

    /**
     * The same failure again and again (here: the store refuses every write under the instance's
     * keys, as it would a value it cannot take): after the threshold the result says how many in a
     * row, and the instance starts over by itself, folding what the store holds of it and writing
     * its whole state again under a fresh id. Nothing is counted twice or lost.
     */
    @Test
    void aSyncFailingForTheSameReasonStartsOverUnderAFreshIdAndRecovers() {
        RefusingStore refusing = new RefusingStore(fx.store, ":instance:a:chunk:");
        SyncOptions options = fx.options.withInstanceId("a").withFailureThreshold(3);
        MetricRegistry registry = new MetricRegistry(RegistryOptions.defaults().withClock(fx.clock));
        ClusterSync a = new ClusterSync(refusing, options, fx.clock, registry::snapshot);
        registry.counter("jobs_total").inc(5);
        registry.observeHistogram("job_seconds", 0.3);
        assertTrue(a.sync(ATOMIC).success());
        refusing.refusing = true;
        for (int i = 1; i <= 3; i++) {
            registry.counter("jobs_total").inc();
            registry.observeHistogram("job_seconds", 0.3);
            SyncResult r = a.sync(ATOMIC);
            assertEquals(i, r.failureStreak(), r.toString());
        }
        assertEquals("a~1", a.instanceId(), "started over under a fresh id");
        registry.counter("jobs_total").inc();
        SyncResult r = a.sync(ATOMIC);
        assertTrue(r.success(), r.toString());
        assertEquals(0, r.failureStreak());
        ClusterView view = new ClusterReader(fx.store, options, fx.clock).readView();
        assertEquals(9, counter(view.snapshot(), "tasker_jobs"));
        assertEquals(
                4, SyncFixture.histogram(view.snapshot(), "tasker_job_seconds").count());
        assertEquals(List.of("a~1"), view.instances());
    }

    /** Refuses chunk writes whose keys contain a text, while told to. */
    private static final class RefusingStore extends DelegatingStore {
        private final String refused;
        volatile boolean refusing;

        RefusingStore(CacheStore delegate, String refused) {
            super(delegate);
            this.refused = refused;
        }

        @Override
        public List<Boolean> putAllIfNewer(List<Map.Entry<String, Record>> entries, Duration ttl) {
            if (refusing && entries.stream().anyMatch(e -> e.getKey().contains(refused))) {
                throw new StoreException(
                        "injected: value refused for " + entries.get(0).getKey());
            }
            return super.putAllIfNewer(entries, ttl);
        }
    }
}
