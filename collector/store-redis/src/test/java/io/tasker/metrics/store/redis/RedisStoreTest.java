package io.tasker.metrics.store.redis;

import io.tasker.metrics.store.CacheStore;
import io.tasker.metrics.testing.CacheStoreContract;
import io.tasker.metrics.testing.RedisServerExtension;
import java.time.Duration;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The compatibility kit against a real single {@code redis-server}. */
class RedisStoreTest extends CacheStoreContract {

    @RegisterExtension
    static final RedisServerExtension redis = new RedisServerExtension();

    @Override
    protected CacheStore newStore() {
        return RedisStore.open(redis.url(), Duration.ofSeconds(2));
    }
}
