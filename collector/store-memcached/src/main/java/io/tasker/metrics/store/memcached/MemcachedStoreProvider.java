package io.tasker.metrics.store.memcached;

import io.tasker.metrics.Clock;
import io.tasker.metrics.store.CacheStore;
import io.tasker.metrics.store.StoreProvider;
import java.time.Duration;
import java.util.List;

/** Opens {@code memcached://host:port[,host:port]} URLs. */
public final class MemcachedStoreProvider implements StoreProvider {
    /** The provider, as {@link java.util.ServiceLoader} makes it. */
    public MemcachedStoreProvider() {}

    @Override
    public List<String> schemes() {
        return List.of("memcached");
    }

    @Override
    public void check(String url) {
        MemcachedUrl.parse(url);
    }

    @Override
    public CacheStore open(String url, Duration timeout, Clock clock) {
        return MemcachedStore.open(url, timeout);
    }
}
