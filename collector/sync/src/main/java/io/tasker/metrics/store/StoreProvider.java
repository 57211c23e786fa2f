package io.tasker.metrics.store;

import io.tasker.metrics.Clock;
import java.time.Duration;
import java.util.List;

/**
 * A store backend that {@link CacheStores} finds through {@link java.util.ServiceLoader}, as JDBC
 * finds drivers: the core package knows no backend, and each backend (store.redis,
 * store.memcached, store.file) depends on the core only.
 *
 * <pre>{@code
 * public final class RedisStoreProvider implements StoreProvider {
 *     public List<String> schemes() { return List.of("redis", "rediss", "redis-cluster"); }
 *     ...
 * }
 * }</pre>
 */
public interface StoreProvider {
    /** The URL schemes this backend opens, lower case, such as {@code redis}. */
    List<String> schemes();

    /**
     * Checks a URL without connecting.
     *
     * @throws IllegalArgumentException naming what is wrong (password masked) and a right example
     */
    void check(String url);

    /** Opens the store; a network store connects lazily or fails with a {@link StoreException}. */
    CacheStore open(String url, Duration timeout, Clock clock);
}
