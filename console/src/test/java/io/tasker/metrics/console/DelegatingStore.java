package io.tasker.metrics.console;

import io.tasker.metrics.store.CacheStore;
import io.tasker.metrics.store.Record;
import io.tasker.metrics.store.StoreCapabilities;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A store that passes every call on, for tests to override the few they watch. */
class DelegatingStore implements CacheStore {
    private final CacheStore delegate;

    DelegatingStore(CacheStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public String description() {
        return delegate.description();
    }

    @Override
    public StoreCapabilities declaredCapabilities() {
        return delegate.declaredCapabilities();
    }

    @Override
    public StoreCapabilities probe() {
        return delegate.probe();
    }

    @Override
    public void ping() {
        delegate.ping();
    }

    @Override
    public Optional<Record> get(String key) {
        return delegate.get(key);
    }

    @Override
    public Map<String, Record> getAll(Collection<String> keys) {
        return delegate.getAll(keys);
    }

    @Override
    public boolean putIfNewer(String key, Record record, Duration ttl) {
        return delegate.putIfNewer(key, record, ttl);
    }

    @Override
    public List<Boolean> putAllIfNewer(List<Map.Entry<String, Record>> entries, Duration ttl) {
        return delegate.putAllIfNewer(entries, ttl);
    }

    @Override
    public boolean compareAndSet(String key, long expectedVersion, Record record, Duration ttl) {
        return delegate.compareAndSet(key, expectedVersion, record, ttl);
    }

    @Override
    public boolean add(String key, Record record, Duration ttl) {
        return delegate.add(key, record, ttl);
    }

    @Override
    public boolean deleteIfEquals(String key, byte[] expected) {
        return delegate.deleteIfEquals(key, expected);
    }

    @Override
    public boolean touchIfEquals(String key, byte[] expected, Duration ttl) {
        return delegate.touchIfEquals(key, expected, ttl);
    }

    @Override
    public boolean delete(String key) {
        return delegate.delete(key);
    }

    @Override
    public boolean touch(String key, Duration ttl) {
        return delegate.touch(key, ttl);
    }

    @Override
    public Optional<Duration> ttl(String key) {
        return delegate.ttl(key);
    }

    @Override
    public long increment(String key, long delta, Duration ttl) {
        return delegate.increment(key, delta, ttl);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
