package io.tasker.metrics.runtime;

import io.tasker.metrics.Clock;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.config.Durations;
import io.tasker.metrics.store.CacheStore;
import io.tasker.metrics.store.StoreCapabilities;
import io.tasker.metrics.store.StoreException;
import io.tasker.metrics.sync.ClusterReader;
import io.tasker.metrics.sync.ClusterSync;
import io.tasker.metrics.sync.ClusterView;
import io.tasker.metrics.sync.SyncOptions;
import io.tasker.metrics.sync.SyncResult;
import io.tasker.metrics.sync.SyncSidecar;
import io.tasker.metrics.sync.SyncStrategy;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A registry wired to a shared store: it probes the store, picks the sync strategy, syncs in the
 * background every {@code sync_interval}, on demand, and once more on close or JVM shutdown, and
 * reads the cluster view. Nothing here throws into the host application from the background: a
 * store that cannot be reached leaves the collector recording locally, with the error in
 * {@link #storeStatus()}, and syncing resumes by itself when the store is back.
 *
 * <pre>{@code
 * try (MetricsCollector collector = MetricsCollector.start(registry, store,
 *         SyncOptions.defaults(InstanceIds.forThisProcess()), Duration.ofSeconds(30), Clock.SYSTEM)) {
 *     collector.registry().counter("task_executions_total", "status").labels("success").inc();
 * }
 * }</pre>
 */
public final class MetricsCollector implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MetricsCollector.class);
    /** How long a second close waits for the first: a final sync and a fold, a few store timeouts at most. */
    private static final long STOP_WAIT_SECONDS = 30;

    private final MetricRegistry registry;
    private final CacheStore store;
    private final ClusterSync sync;
    private final ClusterReader reader;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final Thread shutdownHook;
    private volatile StoreStatus status;
    private volatile SyncResult lastSync;
    private final List<Consumer<SyncResult>> listeners = new CopyOnWriteArrayList<>();
    private boolean restored;
    private boolean probed;
    private boolean closed;
    private volatile boolean retired;
    private final CountDownLatch stopped = new CountDownLatch(1);

    private MetricsCollector(MetricRegistry registry, CacheStore store, SyncOptions options, Clock clock) {
        this.registry = registry;
        this.store = store;
        this.clock = clock;
        this.sync = new ClusterSync(store, options, clock, registry::snapshot);
        this.reader = new ClusterReader(store, options, clock);
        this.status = StoreStatus.unreachable(store, "not probed yet", clock.instant());
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tasker-metrics-sync");
            t.setDaemon(true);
            return t;
        });
        this.shutdownHook = new Thread(this::close, "tasker-metrics-final-sync");
    }

    /**
     * Probes the store and starts syncing every {@code interval}; a zero interval means on demand only.
     * A JVM shutdown hook syncs one last time.
     *
     * @param registry the registry to sync
     * @param store the shared store
     * @param options the namespace, instance id, batch size and retention to sync with
     * @param interval how often to sync in the background, or zero for never
     * @param clock the time source
     * @return the running collector
     */
    public static MetricsCollector start(
            MetricRegistry registry, CacheStore store, SyncOptions options, Duration interval, Clock clock) {
        MetricsCollector c = new MetricsCollector(registry, store, options, clock);
        c.probe();
        if (!interval.isZero()) {
            long ms = interval.toMillis();
            // backgroundSync never throws, so the schedule never dies silently; close() stops it.
            var unused = c.scheduler.scheduleWithFixedDelay(c::backgroundSync, ms, ms, TimeUnit.MILLISECONDS);
        }
        Runtime.getRuntime().addShutdownHook(c.shutdownHook);
        LOG.info(c.startLine(interval));
        return c;
    }

    /**
     * The registry this collector syncs.
     *
     * @return the registry given to {@link #start}
     */
    public MetricRegistry registry() {
        return registry;
    }

    /**
     * The store as of the last probe or sync.
     *
     * @return the store's status
     */
    public StoreStatus storeStatus() {
        return status;
    }

    /**
     * The result of the last sync, if one ran.
     *
     * @return the result, or empty
     */
    public Optional<SyncResult> lastSync() {
        return Optional.ofNullable(lastSync);
    }

    /**
     * Whether the last syncs failed for the same reason {@code telemetry.sync_failure_threshold}
     * times in a row or more: what a health page reports as failing, not just a passing error.
     *
     * @return true while the failure streak is at the threshold or beyond
     */
    public boolean syncFailing() {
        SyncResult last = lastSync;
        return last != null && last.failureStreak() >= sync.options().failureThreshold();
    }

    /**
     * The id this instance writes under now; it changes if the instance was taken for stopped.
     *
     * @return the current instance id
     */
    public String instanceId() {
        return sync.instanceId();
    }

    /**
     * Calls {@code listener} after every sync, background, on demand and final alike, so that an
     * application can expose sync health (the console's metrics do). A listener that throws is
     * logged and does not stop the sync or the other listeners.
     *
     * @param listener called with each sync's result
     */
    public void addSyncListener(Consumer<SyncResult> listener) {
        listeners.add(listener);
    }

    /**
     * Adds something written with each successful sync under this instance's id (its recent runs).
     *
     * @param sidecar what to write beside the metrics
     */
    public void attach(SyncSidecar sidecar) {
        sync.attach(sidecar);
    }

    /**
     * Syncs now (probing the store first if it was unreachable); never throws.
     *
     * @return what the sync did, with the error when it failed
     */
    public SyncResult syncNow() {
        SyncResult result = syncOnce();
        for (Consumer<SyncResult> listener : listeners) {
            try {
                listener.accept(result);
            } catch (RuntimeException e) {
                LOG.warn("A sync listener failed: {}", e.toString());
            }
        }
        return result;
    }

    private synchronized SyncResult syncOnce() {
        if (!probed || !status.healthy()) {
            probe();
        }
        // The strategy comes from a probe; until one succeeds there is nothing to choose it by.
        SyncResult result = probed ? sync.sync(status.strategy()) : unreachable();
        lastSync = result;
        status = status.afterSync(result);
        return result;
    }

    /**
     * The cluster-wide view from the store.
     *
     * @return the view
     * @throws StoreException when the store cannot be read
     */
    public ClusterView clusterView() {
        return reader.readView();
    }

    /**
     * Reads the cluster view and does the housekeeping that needs no instance of its own.
     *
     * @return the reader of this collector's store and namespace
     */
    public ClusterReader reader() {
        return reader;
    }

    /**
     * Stops background syncing, syncs one last time, folds this instance into the retired totals
     * and closes the store. Called twice at once (the application's close and the JVM's shutdown
     * hook on SIGTERM), the second call waits for the first to finish, so that the JVM does not
     * halt in the middle of it.
     */
    @Override
    public void close() {
        boolean first;
        synchronized (this) {
            first = !closed;
            closed = true;
        }
        if (!first) {
            awaitStopped(); // outside the lock, which the first close's final sync takes
            return;
        }
        scheduler.shutdownNow();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or will run; it syncs then.
        }
        try {
            SyncResult last = finalSync();
            store.close();
            LOG.info(stopLine(last) + (retired ? "; folded into the retired totals" : ""));
        } finally {
            stopped.countDown();
        }
    }

    private void awaitStopped() {
        try {
            if (!stopped.await(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("The collector's close did not finish within {} s", STOP_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One line that says where this instance syncs, so that an operator sees it in the first log lines. */
    String startLine(Duration interval) {
        String every = interval.isZero() ? "on demand only" : "every " + Durations.format(interval);
        String strategy = status.healthy()
                ? status.strategy().word()
                : "local_only until the store answers (" + status.error() + ")";
        return "Tasker Metrics started: instance " + instanceId() + ", store " + store.description() + ", strategy "
                + strategy + ", sync " + every;
    }

    /** The stop's line names the final sync's result: what an operator checks after a rolling restart. */
    String stopLine(SyncResult last) {
        String outcome = last.success()
                ? "final sync succeeded (" + last.seriesSynced() + " series, " + last.seriesChanged() + " changed)"
                : "final sync failed: " + last.error();
        return "Tasker Metrics stopped: instance " + instanceId() + ", store " + store.description() + ", " + outcome;
    }

    /** A sync that could not start: the store is still unreachable. Same error as the last: one more in the streak. */
    private SyncResult unreachable() {
        SyncResult last = lastSync;
        int streak = last != null && !last.success() && Objects.equals(last.error(), status.error())
                ? last.failureStreak() + 1
                : 1;
        return new SyncResult(
                clock.instant(), SyncStrategy.LOCAL_ONLY, 0, 0, 0, 0, 0, 1, 0, Duration.ZERO, status.error(), streak);
    }

    /**
     * The last sync of a graceful stop (close, or the JVM's shutdown on SIGTERM), then the fold of
     * what the store holds of this instance into the retired totals, at once rather than after the
     * instance timeout: every process that keeps a copy of the retired totals keeps it then, so it
     * survives the store losing its data. Not on {@code local_only}, where a restarted single
     * instance carries on from its own state.
     */
    private SyncResult finalSync() {
        sync.stopping(); // The final sync's meta says the instance stopped, for readers to tell from a silence.
        SyncResult r = syncNow();
        if (r.error() != null) {
            LOG.warn("Final sync to {} failed: {}", store.description(), r.error());
        }
        synchronized (this) {
            if (probed && status.strategy().shared()) {
                retired = sync.retire();
            }
        }
        return r;
    }

    private void backgroundSync() {
        try {
            syncNow();
        } catch (RuntimeException e) {
            // A bug of ours must not stop the schedule or reach the host application.
            LOG.error("Background sync failed unexpectedly", e);
        }
    }

    private synchronized void probe() {
        StoreStatus probedNow = StoreStatus.probe(store, sync.options().keys(), clock.instant());
        probed = probedNow.healthy();
        if (probed) {
            status = probedNow;
            restoreOnce(probedNow.strategy(), probedNow.confirmed());
        } else {
            status = StoreStatus.unreachable(
                    store,
                    "store unreachable, recording locally until it is back: " + probedNow.error(),
                    probedNow.checkedAt());
            LOG.warn("Cache store {} cannot be reached; recording locally: {}", store.description(), probedNow.error());
        }
    }

    /** A single instance on a persistent store carries on from the counts it synced before a restart. */
    private void restoreOnce(SyncStrategy strategy, StoreCapabilities confirmed) {
        if (restored || strategy.shared() || !confirmed.persistent()) {
            return;
        }
        restored = true;
        registry.restore(sync.readOwnState());
    }
}
