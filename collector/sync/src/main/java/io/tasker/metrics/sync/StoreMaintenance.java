package io.tasker.metrics.sync;

import io.tasker.metrics.Clock;
import io.tasker.metrics.store.CacheStore;
import io.tasker.metrics.store.KeyLayout;
import io.tasker.metrics.sync.StateRecords.InstanceMeta;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writes a process makes to the store on the cluster's behalf, apart from reading it: folding
 * stopped instances, writing back retired totals the store lost, and extending the data's time
 * to live ahead of a late export. Exporters and {@code tasker-metrics sync} call it; a
 * {@link ClusterReader} only reads.
 *
 * <p>One error policy for all of it, the one {@link ClusterSync} has: a method never throws; a
 * failure of any kind, the store's or a record's, is logged and returned, and the next call tries
 * again.
 *
 * <pre>{@code
 * StoreMaintenance maintenance = reader.maintenance();
 * SyncResult folded = maintenance.housekeep(SyncStrategy.DISTRIBUTED_ATOMIC);
 * }</pre>
 */
public final class StoreMaintenance {
    private static final Logger LOG = LoggerFactory.getLogger(StoreMaintenance.class);

    private final CacheStore store;
    private final SyncOptions options;
    private final Clock clock;
    private final KeyLayout keys;
    private final StoreMemory memory;

    StoreMaintenance(CacheStore store, SyncOptions options, Clock clock, StoreMemory memory) {
        this.store = store;
        this.options = options;
        this.clock = clock;
        this.keys = options.keys();
        this.memory = memory;
    }

    /**
     * Folds stopped instances into the retired totals and keeps those alive, writing no
     * instance's values: what {@code tasker-metrics sync} runs, since a CLI process has recorded
     * nothing of its own. Writes back the retired totals first, when the store lost them and the
     * reader that made this maintenance has a copy.
     *
     * @param strategy the probed strategy; {@code local_only} folds nothing
     * @return what the housekeeping did, or why it failed
     */
    public SyncResult housekeep(SyncStrategy strategy) {
        Instant at = clock.instant();
        long started = clock.monotonicNanos();
        SyncCounts counts = new SyncCounts(store);
        Outcome<Boolean> done = attempt("fold the stopped instances", () -> {
            StoreReader.Head head = new StoreReader(store, keys).head();
            if (memory.restoreIfLost(head)) {
                head = new StoreReader(store, keys).head();
            }
            if (strategy.shared()) {
                counts.retired =
                        new Retirement(store, options, keys, clock).housekeep(head, options.instanceId(), counts);
            }
            return true;
        });
        counts.addCas(store);
        counts.failures = done.failed() ? 1 : 0;
        return counts.result(at, strategy, Duration.ofNanos(clock.monotonicNanos() - started), done.error());
    }

    /**
     * Writes back the retired totals when the store lost them (a flush, an eviction, a restart
     * without persistence) and this process read them before: of all the processes holding a
     * copy, one restores it, once.
     *
     * @return whether this call wrote them back (false also when it failed; the failure is logged)
     */
    public boolean restoreRetired() {
        Outcome<Boolean> restored = attempt(
                "write back the retired totals", () -> memory.restoreIfLost(new StoreReader(store, keys).head()));
        return !restored.failed() && restored.value();
    }

    /**
     * Gives every live instance's data at least {@code extra} more to live, from now: an
     * exporter that is late extends the data first, so that nothing expires before it is
     * exported.
     *
     * @param extra the time to live to add beyond the retention window
     * @return how many keys were extended, or empty when it failed (logged)
     */
    public OptionalInt extendTtl(Duration extra) {
        Duration ttl = options.retentionWindow().plus(extra);
        Outcome<Integer> extended = attempt("extend the data's time to live by " + extra, () -> {
            StoreReader reader = new StoreReader(store, keys);
            int keysExtended = 0;
            for (InstanceMeta m : reader.metas(reader.head().liveIds()).values()) {
                keysExtended += store.touch(keys.meta(m.id()), ttl) ? 1 : 0;
                for (int k = 0; k < m.chunks(); k++) {
                    keysExtended += store.touch(keys.chunk(m.id(), k), ttl) ? 1 : 0;
                }
            }
            return keysExtended;
        });
        return extended.failed() ? OptionalInt.empty() : OptionalInt.of(extended.value());
    }

    /** A piece of maintenance's result, or why it failed. */
    private record Outcome<T>(T value, String error) {
        boolean failed() {
            return error != null;
        }
    }

    /** Runs one piece of maintenance under the one error policy. */
    private <T> Outcome<T> attempt(String what, Supplier<T> work) {
        try {
            return new Outcome<>(work.get(), null);
        } catch (RuntimeException e) {
            // Any failure, the store's or a record's, is reported, never thrown into the caller.
            LOG.warn("Could not {} in {}: {}", what, store.description(), e.getMessage());
            return new Outcome<>(null, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }
}
