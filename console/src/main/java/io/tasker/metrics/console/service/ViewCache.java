package io.tasker.metrics.console.service;

import io.tasker.metrics.Clock;
import io.tasker.metrics.store.StoreException;
import io.tasker.metrics.sync.ClusterReader;
import io.tasker.metrics.sync.ClusterView;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The cluster view, read from the store at most once a second however many browsers poll: the
 * dashboard, /metrics and /api/metrics all read it, and the instances only sync every 30
 * seconds anyway. "Sync now" and "Export now" invalidate it.
 *
 * <p>When the view is older than a second, one request reads it anew while the others go on
 * with the one they have, rather than all waiting for the store (a read of 10,000 series takes
 * tens of milliseconds). Only when there is no view at all, at the start or just after an
 * invalidation, do requests wait for the read.
 *
 * <p>A request waits for a read at most {@code budget}, whatever the store's client does
 * meanwhile (its timeout and one retry can take twice the timeout); the read goes on in the
 * background and keeps its result. A read that failed or ran out of time is remembered for a
 * second, so that the other reads of the same page fail at once instead of each waiting again.
 */
public final class ViewCache {
    /** A little more than the default store timeout: one slow answer passes, a hung store does not hold a page. */
    public static final Duration DEFAULT_BUDGET = Duration.ofMillis(2_500);

    private static final long MAX_AGE_NANOS = 1_000_000_000L;

    private record Entry(ClusterView view, long readAt) {}

    private record Failure(StoreException failure, long at) {}

    private final ClusterReader cluster;
    private final Clock clock;
    private final Duration budget;
    private final Executor reader = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "tasker-console-view");
        t.setDaemon(true);
        return t;
    });
    private final AtomicReference<CompletableFuture<ClusterView>> inFlight = new AtomicReference<>();
    private volatile Entry entry;
    private volatile Failure failed;
    /** Moves on every invalidation, so that a read begun before one does not store an outdated view. */
    private final AtomicLong generation = new AtomicLong();

    public ViewCache(ClusterReader cluster, Clock clock) {
        this(cluster, clock, DEFAULT_BUDGET);
    }

    public ViewCache(ClusterReader cluster, Clock clock, Duration budget) {
        this.cluster = cluster;
        this.clock = clock;
        this.budget = budget;
    }

    /** @throws StoreException when the store cannot be read, or does not answer within the budget */
    public ClusterView get() {
        Entry e = entry;
        if (e != null && fresh(e)) {
            return e.view();
        }
        throwIfJustFailed();
        CompletableFuture<ClusterView> mine = new CompletableFuture<>();
        CompletableFuture<ClusterView> read = inFlight.compareAndExchange(null, mine);
        if (read == null) {
            read = mine;
            start(mine);
        } else if (e != null) {
            return e.view(); // Another request is reading: this one makes do with the last view.
        }
        return await(read);
    }

    public void invalidate() {
        generation.incrementAndGet();
        entry = null;
        failed = null;
    }

    /**
     * Whether the last read failed within the last second. Callers skip their own reads of the
     * store then: with a store that does not answer, each read costs a whole timeout, and a page
     * that made several in a row took one timeout per read (8 s for the dashboard).
     */
    public boolean justFailed() {
        Failure f = failed;
        return f != null && clock.monotonicNanos() - f.at() <= MAX_AGE_NANOS;
    }

    private void start(CompletableFuture<ClusterView> read) {
        long started = generation.get();
        // Done with before the result is handed out, so that the next request after it starts a read of its own.
        reader.execute(() -> {
            try {
                ClusterView view = cluster.readView();
                if (started == generation.get()) {
                    entry = new Entry(view, clock.monotonicNanos());
                }
                failed = null;
                inFlight.compareAndSet(read, null);
                read.complete(view);
            } catch (RuntimeException failure) {
                inFlight.compareAndSet(read, null);
                read.completeExceptionally(failure);
            }
        });
    }

    private ClusterView await(CompletableFuture<ClusterView> read) {
        try {
            return read.get(budget.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw remember(new StoreException("The store did not answer within " + budget.toMillis()
                    + " ms; the read goes on in the background"));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StoreException s) {
                throw remember(s);
            }
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("Interrupted while reading the cluster view", e);
        }
    }

    private StoreException remember(StoreException failure) {
        failed = new Failure(failure, clock.monotonicNanos());
        return failure;
    }

    private void throwIfJustFailed() {
        Failure f = failed;
        if (f != null && clock.monotonicNanos() - f.at() <= MAX_AGE_NANOS) {
            throw f.failure();
        }
    }

    private boolean fresh(Entry e) {
        return clock.monotonicNanos() - e.readAt() <= MAX_AGE_NANOS;
    }
}
