package io.tasker.metrics.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.ManualClock;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.RegistryOptions;
import io.tasker.metrics.console.service.ViewCache;
import io.tasker.metrics.snapshot.CounterSnapshot;
import io.tasker.metrics.store.MemoryStore;
import io.tasker.metrics.sync.ClusterReader;
import io.tasker.metrics.sync.ClusterSync;
import io.tasker.metrics.sync.ClusterView;
import io.tasker.metrics.sync.SyncOptions;
import io.tasker.metrics.sync.SyncStrategy;
import io.tasker.metrics.testing.DelegatingStore;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The view is read at most once a second; while one request re-reads it the others get the
 * last one instead of waiting; after an invalidation everyone waits for a fresh read.
 */
class ViewCacheTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T12:00:00Z"));
    private final MetricRegistry registry =
            new MetricRegistry(RegistryOptions.defaults().withClock(clock));
    private final GatedStore store = new GatedStore(new MemoryStore(clock));
    private final ClusterSync writer =
            new ClusterSync(store, SyncOptions.defaults("console"), clock, registry::snapshot);
    private final ClusterReader cluster = new ClusterReader(store, SyncOptions.defaults("console"), clock);
    private final ViewCache cache = new ViewCache(cluster, clock);

    @Test
    void aViewIsReusedForASecond() {
        sync(1);
        ClusterView first = cache.get();
        sync(2);
        assertSame(first, cache.get(), "within the second, no new read");
        clock.advance(Duration.ofMillis(1001));
        assertEquals(2, jobs(cache.get()));
    }

    @Test
    void whileOneRequestReadsTheOthersGetTheLastView() throws Exception {
        sync(1);
        ClusterView old = cache.get();
        sync(2);
        clock.advance(Duration.ofSeconds(2));
        CountDownLatch inside = store.holdNextRead();
        CompletableFuture<ClusterView> reader = CompletableFuture.supplyAsync(cache::get);
        assertTrue(inside.await(10, TimeUnit.SECONDS), "the first request reads the store");

        assertSame(
                old,
                CompletableFuture.supplyAsync(cache::get).get(10, TimeUnit.SECONDS),
                "a second request does not wait for the read in progress");
        store.release();
        assertEquals(2, jobs(reader.get(10, TimeUnit.SECONDS)));
        assertEquals(2, jobs(cache.get()));
    }

    @Test
    void afterAnInvalidationTheNextRequestReadsAnew() {
        sync(1);
        ClusterView first = cache.get();
        sync(5);
        cache.invalidate();
        ClusterView next = cache.get();
        assertNotSame(first, next);
        assertEquals(5, jobs(next));
    }

    private int recorded;

    /** Brings the counter to {@code total} and syncs it. */
    private void sync(int total) {
        registry.incrementCounter("jobs_total", total - recorded);
        recorded = total;
        assertTrue(writer.sync(SyncStrategy.DISTRIBUTED_ATOMIC).success());
    }

    private static double jobs(ClusterView view) {
        return ((CounterSnapshot) view.snapshot().family("tasker_jobs").orElseThrow())
                .points()
                .get(0)
                .value();
    }

    /** A memory store whose next read can be held, to catch a request in the middle of reading. */
    private static final class GatedStore extends DelegatingStore {
        private volatile CountDownLatch inside;
        private final CountDownLatch released = new CountDownLatch(1);

        GatedStore(MemoryStore delegate) {
            super(delegate);
        }

        CountDownLatch holdNextRead() {
            inside = new CountDownLatch(1);
            return inside;
        }

        void release() {
            released.countDown();
        }

        @Override
        protected void before(String operation) {
            if (operation.startsWith("get")) {
                pause();
            }
        }

        private void pause() {
            CountDownLatch entered = inside;
            if (entered != null) {
                inside = null;
                entered.countDown();
                try {
                    released.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
