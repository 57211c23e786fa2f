package io.tasker.metrics.store;

import io.tasker.metrics.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A store in this process's memory: for development, tests and single-process use. Nothing is
 * shared with other processes and nothing survives a restart. Expiry follows the injected clock.
 *
 * <pre>{@code
 * CacheStore store = new MemoryStore(Clock.SYSTEM);
 * }</pre>
 */
public final class MemoryStore implements CacheStore {
    private static final StoreCapabilities CAPABILITIES =
            new StoreCapabilities(false, true, true, true, true, true, false, false);

    private final Clock clock;
    private final Map<String, Entry> entries = new HashMap<>();

    /**
     * An empty store.
     *
     * @param clock the time source that expiry follows
     */
    public MemoryStore(Clock clock) {
        this.clock = clock;
    }

    private record Entry(Record record, long counter, long expiresAtMillis) {}

    @Override
    public String description() {
        return "memory:";
    }

    @Override
    public StoreCapabilities declaredCapabilities() {
        return CAPABILITIES;
    }

    @Override
    public StoreCapabilities probe(KeyLayout keys) {
        return CAPABILITIES;
    }

    @Override
    public void ping() {
        // Always reachable.
    }

    @Override
    public synchronized Optional<Record> get(String key) {
        Entry e = live(key);
        return e == null || e.record == null ? Optional.empty() : Optional.of(e.record);
    }

    @Override
    public synchronized Map<String, Record> getAll(Collection<String> keys) {
        Map<String, Record> found = new LinkedHashMap<>();
        for (String key : keys) {
            get(key).ifPresent(r -> found.put(key, r));
        }
        return found;
    }

    @Override
    public synchronized boolean putIfNewer(String key, Record record, Duration ttl) {
        Entry e = live(key);
        if (e != null && e.record != null && e.record.version() > record.version()) {
            return false;
        }
        put(key, record, ttl);
        return true;
    }

    @Override
    public synchronized List<Boolean> putAllIfNewer(List<Map.Entry<String, Record>> batch, Duration ttl) {
        List<Boolean> result = new ArrayList<>(batch.size());
        for (Map.Entry<String, Record> e : batch) {
            result.add(putIfNewer(e.getKey(), e.getValue(), ttl));
        }
        return result;
    }

    @Override
    public synchronized boolean compareAndSet(String key, long expectedVersion, Record record, Duration ttl) {
        Entry e = live(key);
        long current = e == null || e.record == null ? -1 : e.record.version();
        if (current != expectedVersion) {
            return false;
        }
        put(key, record, ttl);
        return true;
    }

    @Override
    public synchronized boolean add(String key, Record record, Duration ttl) {
        if (live(key) != null) {
            return false;
        }
        put(key, record, ttl);
        return true;
    }

    @Override
    public synchronized boolean deleteIfEquals(String key, byte[] expected) {
        Entry e = live(key);
        if (e == null || e.record == null || !Arrays.equals(e.record.data(), expected)) {
            return false;
        }
        entries.remove(key);
        return true;
    }

    @Override
    public synchronized boolean touchIfEquals(String key, byte[] expected, Duration ttl) {
        Entry e = live(key);
        if (e == null || e.record == null || !Arrays.equals(e.record.data(), expected)) {
            return false;
        }
        entries.put(key, new Entry(e.record, e.counter, expiry(ttl)));
        return true;
    }

    @Override
    public synchronized boolean delete(String key) {
        Entry e = live(key);
        entries.remove(key);
        return e != null;
    }

    @Override
    public synchronized boolean touch(String key, Duration ttl) {
        Entry e = live(key);
        if (e == null) {
            return false;
        }
        entries.put(key, new Entry(e.record, e.counter, expiry(ttl)));
        return true;
    }

    @Override
    public synchronized Optional<Duration> ttl(String key) {
        Entry e = live(key);
        return e == null
                ? Optional.empty()
                : Optional.of(Duration.ofMillis(e.expiresAtMillis - clock.wallTimeMillis()));
    }

    @Override
    public synchronized long increment(String key, long delta, Duration ttl) {
        Entry e = live(key);
        long value = (e == null ? 0 : e.counter) + delta;
        entries.put(key, new Entry(null, value, expiry(ttl)));
        return value;
    }

    @Override
    public void close() {
        // Nothing to release; other users of this store in the process keep what it holds.
    }

    private void put(String key, Record record, Duration ttl) {
        entries.put(key, new Entry(record, 0, expiry(ttl)));
    }

    private Entry live(String key) {
        Entry e = entries.get(key);
        if (e != null && e.expiresAtMillis <= clock.wallTimeMillis()) {
            entries.remove(key);
            return null;
        }
        return e;
    }

    private long expiry(Duration ttl) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("A time to live must be positive, got " + ttl);
        }
        return clock.wallTimeMillis() + ttl.toMillis();
    }
}
