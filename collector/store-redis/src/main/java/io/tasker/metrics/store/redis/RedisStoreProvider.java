package io.tasker.metrics.store.redis;

import io.tasker.metrics.Clock;
import io.tasker.metrics.store.CacheStore;
import io.tasker.metrics.store.StoreProvider;
import java.time.Duration;
import java.util.List;

/** Opens {@code redis://}, {@code rediss://} and {@code redis-cluster://} URLs. */
public final class RedisStoreProvider implements StoreProvider {
    /** The provider, as {@link java.util.ServiceLoader} makes it. */
    public RedisStoreProvider() {}

    @Override
    public List<String> schemes() {
        return List.of("redis", "rediss", "redis-cluster");
    }

    @Override
    public void check(String url) {
        RedisUrl.parse(url);
    }

    @Override
    public CacheStore open(String url, Duration timeout, Clock clock) {
        return RedisStore.open(url, timeout);
    }
}
