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
    /**
     * The URL schemes this backend opens, lower case, such as {@code redis}.
     *
     * @return the schemes, without {@code ://}
     */
    List<String> schemes();

    /**
     * Checks a URL without connecting.
     *
     * @param url a URL of one of {@link #schemes()}
     * @throws IllegalArgumentException naming what is wrong (password masked) and a right example
     */
    void check(String url);

    /**
     * Opens the store; a network store connects lazily or fails with a {@link StoreException}.
     *
     * @param url a URL of one of {@link #schemes()}
     * @param timeout connect and operation timeout of network stores
     * @param clock the time source, for a backend that keeps expiry itself; others may ignore it
     * @return the open store
     * @throws StoreException when the store cannot be opened
     */
    CacheStore open(String url, Duration timeout, Clock clock);
}
