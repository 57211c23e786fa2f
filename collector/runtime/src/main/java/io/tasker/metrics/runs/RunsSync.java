package io.tasker.metrics.runs;

import io.tasker.metrics.Clock;
import io.tasker.metrics.store.CacheStore;
import io.tasker.metrics.store.KeyLayout;
import io.tasker.metrics.store.Record;
import io.tasker.metrics.store.StoreException;
import io.tasker.metrics.sync.SyncSidecar;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes this instance's recent runs to {@code {ns}:instance:{id}:runs} with each sync, with the
 * sync's retention as time to live: a stopped or killed instance's runs expire with its keys.
 * Unchanged runs are only touched (their expiry renewed), not written again. The list is kept
 * within {@link RunLimits#INSTANCE_BYTES}, the oldest runs left out first, so that it fits a
 * Memcached item and a console's heap.
 *
 * <pre>{@code
 * collector.attach(new RunsSync(store, keys, recentRuns, clock));
 * }</pre>
 */
public final class RunsSync implements SyncSidecar {
    private static final Logger LOG = LoggerFactory.getLogger(RunsSync.class);

    private final CacheStore store;
    private final KeyLayout keys;
    private final RecentRuns runs;
    private final Clock clock;
    private long written = -1;
    private String writtenAs;
    private int omittedBefore;

    /**
     * A sidecar that writes {@code runs} under {@code keys}' namespace.
     *
     * @param store the shared store
     * @param keys the layout that names the runs key
     * @param runs the runs to write
     * @param clock the time source whose wall time versions each write
     */
    public RunsSync(CacheStore store, KeyLayout keys, RecentRuns runs, Clock clock) {
        this.store = store;
        this.keys = keys;
        this.runs = runs;
        this.clock = clock;
    }

    @Override
    public synchronized void write(String instanceId, Duration ttl) {
        String key = keys.runs(instanceId);
        long changes = runs.changes();
        try {
            if (changes == written && instanceId.equals(writtenAs) && store.touch(key, ttl)) {
                return;
            }
            RunsCodec.Fitted fitted = RunsCodec.encodeWithin(runs.snapshot(), RunLimits.INSTANCE_BYTES);
            reportOmitted(fitted.omitted());
            // The version is the wall clock: a late retry of an older list never replaces a newer one.
            store.putIfNewer(key, new Record(clock.wallTimeMillis(), fitted.json()), ttl);
            written = changes;
            writtenAs = instanceId;
        } catch (StoreException e) {
            LOG.warn(
                    "Recent runs not written to {} ({}); the next sync tries again",
                    store.description(),
                    e.getMessage());
        }
    }

    /** Says once, when it starts, that the oldest runs no longer fit; not at every sync while they do not. */
    private void reportOmitted(int omitted) {
        if (omitted > 0 && omittedBefore == 0) {
            LOG.warn(
                    "Recent runs: the {} oldest of this instance's runs are left out of the store, to keep its list "
                            + "within {} KiB (long error messages and many steps); the newest are kept",
                    omitted,
                    RunLimits.INSTANCE_BYTES / 1024);
        }
        omittedBefore = omitted;
    }
}
