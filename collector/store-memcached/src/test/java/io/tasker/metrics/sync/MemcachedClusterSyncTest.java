package io.tasker.metrics.sync;

import io.tasker.metrics.Clock;
import io.tasker.metrics.store.CacheStore;
import io.tasker.metrics.store.memcached.MemcachedStore;
import io.tasker.metrics.testing.ClusterSyncContract;
import io.tasker.metrics.testing.MemcachedServerExtension;
import java.time.Duration;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The sync contract against a real memcached ({@code distributed_basic}). */
class MemcachedClusterSyncTest extends ClusterSyncContract {
    @RegisterExtension
    static final MemcachedServerExtension MEMCACHED = new MemcachedServerExtension();

    @Override
    protected CacheStore newStore(Clock clock) {
        return MemcachedStore.open(MEMCACHED.url(), Duration.ofSeconds(5));
    }
}
