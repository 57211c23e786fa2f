package io.tasker.metrics.console.service;

import io.tasker.metrics.Clock;
import io.tasker.metrics.sync.ClusterReader;
import io.tasker.metrics.sync.ClusterView;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The cluster view, read from the store at most once a second however many browsers poll: the
 * dashboard, /metrics and /api/metrics all read it, and the instances only sync every 30
 * seconds anyway. "Sync now" and "Export now" invalidate it.
 *
 * <p>When the view is older than a second, one request reads it anew while the others go on
 * with the one they have, rather than all waiting for the store (a read of 10,000 series takes
 * tens of milliseconds). Only when there is no view at all, at the start or just after an
 * invalidation, do requests wait for the read.
 */
public final class ViewCache {
    private static final long MAX_AGE_NANOS = 1_000_000_000L;

    private record Entry(ClusterView view, long readAt) {
    }

    private final ClusterReader cluster;
    private final Clock clock;
    private final ReentrantLock reading = new ReentrantLock();
    private volatile Entry entry;
    /** Moves on every invalidation, so that a read begun before one does not store an outdated view. */
    private volatile long generation;

    public ViewCache(ClusterReader cluster, Clock clock) {
        this.cluster = cluster;
        this.clock = clock;
    }

    /** @throws io.tasker.metrics.store.StoreException when the store cannot be read */
    public ClusterView get() {
        Entry e = entry;
        if (e != null && fresh(e)) {
            return e.view();
        }
        if (e != null && !reading.tryLock()) {
            return e.view(); // Another request is reading: this one makes do with the last view.
        }
        if (e == null) {
            reading.lock();
        }
        try {
            Entry current = entry;
            if (current != null && fresh(current)) {
                return current.view();
            }
            long started = generation;
            ClusterView view = cluster.readView();
            if (started == generation) {
                entry = new Entry(view, clock.monotonicNanos());
            }
            return view;
        } finally {
            reading.unlock();
        }
    }

    public void invalidate() {
        generation++;
        entry = null;
    }

    private boolean fresh(Entry e) {
        return clock.monotonicNanos() - e.readAt() <= MAX_AGE_NANOS;
    }
}
