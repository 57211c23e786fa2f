package io.tasker.metrics.store;

import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A store that accepts every write and keeps nothing, for turning sync off
 * ({@code TASKER_CACHE_URL=null:}). Reads find nothing; locks are always won, since no other
 * process can share this store.
 */
public final class NullStore implements CacheStore {
    /** The store; it holds nothing, so any number of them behave as one. */
    public NullStore() {}

    @Override
    public String description() {
        return "null:";
    }

    @Override
    public StoreCapabilities declaredCapabilities() {
        return StoreCapabilities.NONE;
    }

    @Override
    public StoreCapabilities probe(KeyLayout keys) {
        return StoreCapabilities.NONE;
    }

    @Override
    public void ping() {
        // Nothing to reach.
    }

    @Override
    public Optional<Record> get(String key) {
        return Optional.empty();
    }

    @Override
    public Map<String, Record> getAll(Collection<String> keys) {
        return Map.of();
    }

    @Override
    public boolean putIfNewer(String key, Record record, Duration ttl) {
        return true;
    }

    @Override
    public List<Boolean> putAllIfNewer(List<Map.Entry<String, Record>> entries, Duration ttl) {
        return Collections.nCopies(entries.size(), Boolean.TRUE);
    }

    @Override
    public boolean compareAndSet(String key, long expectedVersion, Record record, Duration ttl) {
        return true;
    }

    @Override
    public boolean add(String key, Record record, Duration ttl) {
        return true;
    }

    @Override
    public boolean deleteIfEquals(String key, byte[] expected) {
        return false;
    }

    @Override
    public boolean touchIfEquals(String key, byte[] expected, Duration ttl) {
        return false;
    }

    @Override
    public boolean delete(String key) {
        return false;
    }

    @Override
    public boolean touch(String key, Duration ttl) {
        return false;
    }

    @Override
    public Optional<Duration> ttl(String key) {
        return Optional.empty();
    }

    @Override
    public long increment(String key, long delta, Duration ttl) {
        return delta;
    }

    @Override
    public void close() {
        // Nothing held.
    }
}
