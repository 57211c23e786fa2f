package io.tasker.metrics.sync;

import io.tasker.metrics.store.CacheStore;
import io.tasker.metrics.store.Record;
import io.tasker.metrics.store.StoreCapabilities;
import io.tasker.metrics.store.StoreException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The memory store with failures on demand: the next N operations throw as an unreachable store
 * would. Real-server fault tests (a proxy that cuts connections) live with the store tests.
 */
final class ClockedMemoryStore implements CacheStore {
    private final CacheStore delegate;
    private final AtomicInteger failures = new AtomicInteger();

    ClockedMemoryStore(CacheStore delegate) {
        this.delegate = delegate;
    }

    void failNext(int n) {
        failures.set(n);
    }

    private void maybeFail(String op) {
        if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new StoreException("injected failure of " + op);
        }
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
        maybeFail("probe");
        return delegate.probe();
    }

    @Override
    public void ping() {
        maybeFail("ping");
    }

    @Override
    public Optional<Record> get(String key) {
        maybeFail("get");
        return delegate.get(key);
    }

    @Override
    public Map<String, Record> getAll(Collection<String> keys) {
        maybeFail("getAll");
        return delegate.getAll(keys);
    }

    @Override
    public boolean putIfNewer(String key, Record record, Duration ttl) {
        maybeFail("putIfNewer");
        return delegate.putIfNewer(key, record, ttl);
    }

    @Override
    public List<Boolean> putAllIfNewer(List<Map.Entry<String, Record>> entries, Duration ttl) {
        maybeFail("putAllIfNewer");
        return delegate.putAllIfNewer(entries, ttl);
    }

    @Override
    public boolean compareAndSet(String key, long expectedVersion, Record record, Duration ttl) {
        maybeFail("compareAndSet");
        return delegate.compareAndSet(key, expectedVersion, record, ttl);
    }

    @Override
    public boolean add(String key, Record record, Duration ttl) {
        maybeFail("add");
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
