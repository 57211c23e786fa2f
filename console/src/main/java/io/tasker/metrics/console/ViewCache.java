package io.tasker.metrics.console;

import io.tasker.metrics.Clock;
import io.tasker.metrics.sync.ClusterSync;
import io.tasker.metrics.sync.ClusterView;

/**
 * The cluster view, read from the store at most once a second however many browsers poll: the
 * dashboard, /metrics and /api/metrics all read it, and the instances only sync every 30
 * seconds anyway. "Sync now" and "Export now" invalidate it.
 */
public final class ViewCache {
    private static final long MAX_AGE_NANOS = 1_000_000_000L;

    private final ClusterSync cluster;
    private final Clock clock;
    private ClusterView view;
    private long readAt;

    public ViewCache(ClusterSync cluster, Clock clock) {
        this.cluster = cluster;
        this.clock = clock;
    }

    /** @throws io.tasker.metrics.store.StoreException when the store cannot be read */
    public synchronized ClusterView get() {
        long now = clock.monotonicNanos();
        if (view == null || now - readAt > MAX_AGE_NANOS) {
            view = cluster.readView();
            readAt = now;
        }
        return view;
    }

    public synchronized void invalidate() {
        view = null;
    }
}
