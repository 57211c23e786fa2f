package io.tasker.metrics.export.internal;

import io.tasker.metrics.store.CacheStore;
import io.tasker.metrics.store.KeyLayout;
import io.tasker.metrics.store.Record;
import io.tasker.metrics.store.StoreException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One exporter at a time across the cluster: a key set only if absent, with an expiry so that
 * the lock frees itself if its holder dies, and an owner token so that only the holder renews
 * or releases it (a blind delete would let a slow exporter free
 * another's lock). Each win takes a fencing number from an atomic counter, recorded with the
 * export, so that exports can be ordered even if two holders ever overlap.
 *
 * <p>On Redis the lock is exact (set-if-absent with expiry, compare-and-delete and
 * compare-and-expire in Lua). On Memcached it rests on {@code add}, which is atomic, but an item
 * can be evicted early under memory pressure, which would let a second exporter in: a weaker
 * guarantee, documented in docs/operations.md. On the file store a file lock guards it across
 * processes on one host; on the memory store it is an in-process lock.
 *
 * <pre>{@code
 * try (ExportLock.Held held = new ExportLock(store, keys, "export").tryAcquire(owner, Duration.ofMinutes(5)).orElseThrow()) {
 *     export(held.fencingNumber());
 * }
 * }</pre>
 */
public final class ExportLock {
    private static final Logger LOG = LoggerFactory.getLogger(ExportLock.class);

    private final CacheStore store;
    private final String key;
    private final String fenceKey;

    public ExportLock(CacheStore store, KeyLayout keys, String name) {
        this.store = store;
        this.key = keys.lock(name);
        this.fenceKey = keys.fence(name);
    }

    /**
     * Takes the lock if it is free. The lock expires after {@code ttl} unless renewed; a
     * holder renews it every third of that while it holds it.
     *
     * @return the held lock, or empty when another instance holds it
     * @throws StoreException when the store cannot be reached
     */
    public Optional<Held> tryAcquire(String owner, Duration ttl) {
        byte[] token = (owner + "/" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        if (!store.add(key, new Record(0, token), ttl)) {
            return Optional.empty();
        }
        long fence;
        try {
            fence = store.increment(fenceKey, 1, Duration.ofDays(30));
        } catch (RuntimeException e) {
            // Without its fencing number the win is no use; free the lock now rather than at its TTL.
            releaseQuietly(token);
            throw e;
        }
        return Optional.of(new Held(token, fence, ttl));
    }

    /** Who holds the lock now, as its token says ({@code owner/uuid}), if anyone. */
    public Optional<String> holder() {
        return store.get(key).map(r -> new String(r.data(), StandardCharsets.UTF_8));
    }

    private void releaseQuietly(byte[] token) {
        try {
            store.deleteIfEquals(key, token);
        } catch (StoreException e) {
            // It expires by itself; nothing else can be done.
            LOG.warn("Could not release export lock {}: {}; it expires by itself", key, e.getMessage());
        }
    }

    /** A lock this instance holds; closing it releases it, if it is still ours. */
    public final class Held implements AutoCloseable {
        private final byte[] token;
        private final long fencingNumber;
        private final ScheduledExecutorService renewer;
        private volatile boolean lost;

        private Held(byte[] token, long fencingNumber, Duration ttl) {
            this.token = token;
            this.fencingNumber = fencingNumber;
            this.renewer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "tasker-export-lock-renewal");
                t.setDaemon(true);
                return t;
            });
            long every = Math.max(1, ttl.toMillis() / 3);
            // renew() catches its own failures, so the schedule never dies silently; close() stops it.
            var unused = renewer.scheduleAtFixedRate(() -> renew(ttl), every, every, TimeUnit.MILLISECONDS);
        }

        /** The number taken when the lock was won: higher means later. */
        public long fencingNumber() {
            return fencingNumber;
        }

        /** True once a renewal found the lock gone or taken by another (it expired while we held it). */
        public boolean lost() {
            return lost;
        }

        private void renew(Duration ttl) {
            try {
                if (!store.touchIfEquals(key, token, ttl)) {
                    lost = true;
                    LOG.warn("Export lock {} was lost (expired or taken over) while held", key);
                }
            } catch (StoreException e) {
                LOG.warn("Could not renew export lock {}: {}", key, e.getMessage());
            }
        }

        @Override
        public void close() {
            renewer.shutdownNow();
            releaseQuietly(token);
        }
    }
}
