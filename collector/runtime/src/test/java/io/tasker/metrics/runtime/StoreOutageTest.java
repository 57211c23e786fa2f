package io.tasker.metrics.runtime;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.Clock;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.snapshot.CounterSnapshot;
import io.tasker.metrics.store.CacheStore;
import io.tasker.metrics.store.CacheStores;
import io.tasker.metrics.sync.SyncOptions;
import io.tasker.metrics.sync.SyncResult;
import io.tasker.metrics.sync.SyncStrategy;
import io.tasker.metrics.testing.MemcachedServerExtension;
import io.tasker.metrics.testing.RedisServerExtension;
import io.tasker.metrics.testing.ServerExtension;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Real stores that are down at start, or restart with nothing in them: the collector records
 * locally meanwhile, reports the store unhealthy, and gets everything across once it is back.
 */
class StoreOutageTest {
    @RegisterExtension
    final RedisServerExtension redis = new RedisServerExtension();

    @RegisterExtension
    final MemcachedServerExtension memcached = new MemcachedServerExtension();

    @Test
    void redisDownAtStartThenBack() throws Exception {
        downAtStartThenBack(redis, SyncStrategy.DISTRIBUTED_ATOMIC);
    }

    @Test
    void memcachedDownAtStartThenBack() throws Exception {
        downAtStartThenBack(memcached, SyncStrategy.DISTRIBUTED_BASIC);
    }

    @Test
    void redisRestartedEmptyIsRefilledByTheNextSync() throws Exception {
        MetricRegistry registry = new MetricRegistry();
        try (MetricsCollector collector = start(registry, redis)) {
            registry.counter("jobs_total").inc(5);
            assertTrue(collector.syncNow().success());
            redis.restart(); // no persistence in tests: the server comes back empty
            registry.counter("jobs_total").inc(1);
            SyncResult r = syncUntilSuccess(collector);
            assertTrue(r.success(), r.toString());
            assertEquals(6, jobs(collector));
        }
    }

    private void downAtStartThenBack(ServerExtension server, SyncStrategy expected) throws Exception {
        server.stop();
        MetricRegistry registry = new MetricRegistry();
        try (MetricsCollector collector = start(registry, server)) {
            StoreStatus status = collector.storeStatus();
            assertFalse(status.healthy());
            assertEquals(SyncStrategy.LOCAL_ONLY, status.strategy());
            registry.counter("jobs_total").inc(3);
            assertFalse(collector.syncNow().success());
            server.start();
            SyncResult r = syncUntilSuccess(collector);
            assertTrue(r.success(), r.toString());
            assertEquals(expected, collector.storeStatus().strategy());
            assertTrue(collector.storeStatus().healthy());
            assertEquals(3, jobs(collector));
        }
    }

    private static MetricsCollector start(MetricRegistry registry, ServerExtension server) {
        CacheStore store = CacheStores.open(server.url(), Duration.ofSeconds(1), Clock.SYSTEM);
        SyncOptions options = SyncOptions.defaults("web-1")
                .withNamespace("o" + UUID.randomUUID().toString().substring(0, 8));
        return MetricsCollector.start(registry, store, options, Duration.ZERO, Clock.SYSTEM);
    }

    // Fails with the last result when no sync succeeds within 20 s.
    private static SyncResult syncUntilSuccess(MetricsCollector collector) {
        return await().atMost(Duration.ofSeconds(20))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(200))
                .until(collector::syncNow, SyncResult::success);
    }

    private static double jobs(MetricsCollector collector) {
        return ((CounterSnapshot)
                        collector.clusterView().snapshot().family("tasker_jobs").orElseThrow())
                .points()
                .get(0)
                .value();
    }
}
