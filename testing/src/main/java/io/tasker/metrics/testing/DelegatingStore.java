package io.tasker.metrics.testing;

import io.tasker.metrics.store.CacheStore;
import io.tasker.metrics.store.KeyLayout;
import io.tasker.metrics.store.Record;
import io.tasker.metrics.store.StoreCapabilities;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A store that passes every call on, after {@link #before(String)}: tests override that one
 * hook to fail, count or hold operations of a real store.
 */
public class DelegatingStore implements CacheStore {
    private final CacheStore delegate;

    /**
     * Wraps a store.
     *
     * @param delegate the store every call goes on to
     */
    public DelegatingStore(CacheStore delegate) {
        this.delegate = delegate;
    }

    /**
     * Runs before every operation but {@code description}, {@code declaredCapabilities} and {@code close}; does nothing here.
     *
     * @param operation the name of the {@link CacheStore} method about to run, such as {@code get}
     */
    protected void before(String operation) {}

    @Override
    public String description() {
        return delegate.description();
    }

    @Override
    public StoreCapabilities declaredCapabilities() {
        return delegate.declaredCapabilities();
    }

    @Override
    public StoreCapabilities probe(KeyLayout keys) {
        before("probe");
        return delegate.probe(keys);
    }

    @Override
    public void ping() {
        before("ping");
        delegate.ping();
    }

    @Override
    public Optional<Record> get(String key) {
        before("get");
        return delegate.get(key);
    }

    @Override
    public Map<String, Record> getAll(Collection<String> keys) {
        before("getAll");
        return delegate.getAll(keys);
    }

    @Override
    public boolean putIfNewer(String key, Record record, Duration ttl) {
        before("putIfNewer");
        return delegate.putIfNewer(key, record, ttl);
    }

    @Override
    public List<Boolean> putAllIfNewer(List<Map.Entry<String, Record>> entries, Duration ttl) {
        before("putAllIfNewer");
        return delegate.putAllIfNewer(entries, ttl);
    }

    @Override
    public boolean compareAndSet(String key, long expectedVersion, Record record, Duration ttl) {
        before("compareAndSet");
        return delegate.compareAndSet(key, expectedVersion, record, ttl);
    }

    @Override
    public boolean add(String key, Record record, Duration ttl) {
        before("add");
        return delegate.add(key, record, ttl);
    }

    @Override
    public boolean deleteIfEquals(String key, byte[] expected) {
        before("deleteIfEquals");
        return delegate.deleteIfEquals(key, expected);
    }

    @Override
    public boolean touchIfEquals(String key, byte[] expected, Duration ttl) {
        before("touchIfEquals");
        return delegate.touchIfEquals(key, expected, ttl);
    }

    @Override
    public boolean delete(String key) {
        before("delete");
        return delegate.delete(key);
    }

    @Override
    public boolean touch(String key, Duration ttl) {
        before("touch");
        return delegate.touch(key, ttl);
    }

    @Override
    public Optional<Duration> ttl(String key) {
        before("ttl");
        return delegate.ttl(key);
    }

    @Override
    public long increment(String key, long delta, Duration ttl) {
        before("increment");
        return delegate.increment(key, delta, ttl);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
