package io.tasker.metrics.sync;

import io.tasker.metrics.Clock;
import io.tasker.metrics.store.CacheStore;
import io.tasker.metrics.store.redis.RedisStore;
import io.tasker.metrics.testing.ClusterSyncContract;
import io.tasker.metrics.testing.RedisClusterExtension;
import java.time.Duration;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The sync contract against a real three-master Redis Cluster ({@code redis-cluster://}). */
class RedisClusterModeSyncTest extends ClusterSyncContract {
    @RegisterExtension
    static final RedisClusterExtension CLUSTER = new RedisClusterExtension();

    @Override
    protected CacheStore newStore(Clock clock) {
        return RedisStore.open(CLUSTER.url(), Duration.ofSeconds(5));
    }
}
