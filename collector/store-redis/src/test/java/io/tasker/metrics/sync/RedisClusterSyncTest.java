package io.tasker.metrics.sync;

import io.tasker.metrics.Clock;
import io.tasker.metrics.store.CacheStore;
import io.tasker.metrics.store.redis.RedisStore;
import io.tasker.metrics.testing.ClusterSyncContract;
import io.tasker.metrics.testing.RedisServerExtension;
import java.time.Duration;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The sync contract against a real redis-server ({@code distributed_atomic}). */
class RedisClusterSyncTest extends ClusterSyncContract {
    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    @Override
    protected CacheStore newStore(Clock clock) {
        return RedisStore.open(REDIS.url(), Duration.ofSeconds(5));
    }
}
