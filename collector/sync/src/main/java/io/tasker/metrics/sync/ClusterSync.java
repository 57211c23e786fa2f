package io.tasker.metrics.sync;

import io.tasker.metrics.sync.internal.SnapshotCodec;
import io.tasker.metrics.sync.internal.ViewMerger;
import io.tasker.metrics.store.KeyLayout;
import io.tasker.metrics.Clock;
import io.tasker.metrics.snapshot.Labels;
import io.tasker.metrics.snapshot.MetricFamilySnapshot;
import io.tasker.metrics.snapshot.MetricsSnapshot;
import io.tasker.metrics.store.CacheStore;
import io.tasker.metrics.store.internal.ConflictCounting;
import io.tasker.metrics.store.Record;
import io.tasker.metrics.store.StoreException;
import io.tasker.metrics.store.SyncStrategy;
import io.tasker.metrics.sync.StateRecords.InstanceMeta;
import io.tasker.metrics.sync.StateRecords.Instances;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Syncs one instance's registry to the shared store; a {@link ClusterReader} reads the cluster
 * view back.
 *
 * <p>Each instance writes its own cumulative values under its own keys, versioned by a
 * sequence number that only grows; readers add the instances up. A write is therefore
 * idempotent: a retry after an ambiguous failure writes the same or newer values, never adds
 * them again, and a late retry of an old write is refused by the store as older. Nothing is
 * lost either: every sync writes the whole cumulative state, so what a failed sync did not get
 * across, the next one does. docs/sync.md explains the design and the key layout.
 *
 * <p>Instances that stop syncing are folded into the retired totals by whichever instance
 * notices first (compare-and-set on the retired record, so exactly once), which keeps their
 * counts in the cluster totals and keeps the cost of reading the view proportional to the live
 * instances.
 *
 * <pre>{@code
 * ClusterSync sync = new ClusterSync(store, SyncOptions.defaults("web-1"), Clock.SYSTEM, registry::snapshot);
 * SyncResult result = sync.sync(SyncStrategy.DISTRIBUTED_ATOMIC);
 * }</pre>
 */
public final class ClusterSync {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterSync.class);
    private static final int CAS_ATTEMPTS = 10;

    private final CacheStore store;
    private final SyncOptions options;
    private final Clock clock;
    private final KeyLayout keys;
    private final Supplier<MetricsSnapshot> source;
    private final String baseId;
    private final List<SyncSidecar> sidecars = new java.util.concurrent.CopyOnWriteArrayList<>();
    private String instanceId;
    private ChunkPlan plan;
    private final StoreMemory memory;
    private Baseline baseline;
    private int incarnation;
    private long lastSequence;

    /**
     * A sync of one instance; nothing is written until {@link #sync} is called.
     *
     * @param store the shared store
     * @param options the namespace, instance id, batch size and retention to sync with
     * @param clock the time source for sequence times and expiry
     * @param source what to sync, taken anew at each sync (usually {@code registry::snapshot})
     */
    public ClusterSync(CacheStore store, SyncOptions options, Clock clock, Supplier<MetricsSnapshot> source) {
        this.store = store;
        this.options = options;
        this.clock = clock;
        this.keys = options.keys();
        this.source = source;
        this.baseId = options.instanceId();
        this.instanceId = baseId;
        this.plan = new ChunkPlan(options.batchSize());
        this.memory = new StoreMemory(store, keys, clock, options.batchSize());
    }

    /**
     * Adds something written with each successful sync under this instance's id and retention.
     *
     * @param sidecar what to write beside the metrics
     */
    public void attach(SyncSidecar sidecar) {
        sidecars.add(sidecar);
    }

    /**
     * The id this instance writes under now (it changes if the instance was taken for stopped).
     *
     * @return the current instance id
     */
    public synchronized String instanceId() {
        return instanceId;
    }

    /**
     * The store this sync writes to.
     *
     * @return the store given to the constructor
     */
    public CacheStore store() {
        return store;
    }

    /**
     * The options this sync writes with.
     *
     * @return the options given to the constructor
     */
    public SyncOptions options() {
        return options;
    }

    /**
     * Writes this instance's cumulative state; never throws. A failure is in the result, and
     * what did not get across is sent by the next sync.
     *
     * @param strategy the strategy in force; {@link SyncStrategy#LOCAL_ONLY} folds no stopped instances
     * @return what the sync did, with the error when it failed
     */
    public synchronized SyncResult sync(SyncStrategy strategy) {
        Instant at = clock.instant();
        long started = clock.monotonicNanos();
        SyncCounts counts = new SyncCounts(store);
        try {
            StoreReader reader = new StoreReader(store, keys);
            StoreReader.Head head = reader.head();
            memory.epoch(head);
            if (memory.restoreIfLost(head)) {
                head = reader.head();
            }
            rememberRetired(head);
            if (head.retired().folded().containsKey(instanceId)) {
                resume(reader);
                head = reader.head();
            }
            write(at.toEpochMilli(), counts);
            register(head.instances(), counts);
            sidecars.forEach(s -> s.write(instanceId, options.retentionWindow()));
            if (strategy != SyncStrategy.LOCAL_ONLY) {
                counts.retired = new Retirement(store, options, keys, clock).housekeep(head, instanceId, counts);
            }
            counts.addCas(store);
            return counts.result(at, strategy, elapsed(started), null);
        } catch (RuntimeException e) {
            // Any failure, a store's or an encoding's, is reported, never thrown into the host.
            counts.addCas(store);
            counts.failures = Math.max(1, counts.failures);
            LOG.warn("Sync to {} failed: {}", store.description(), e.getMessage());
            return counts.result(at, strategy, elapsed(started), e.getMessage());
        }
    }

    /** A copy of each new generation of the retired totals, read once, to write back should the store lose it. */
    private void rememberRetired(StoreReader.Head head) {
        if (head.retiredVersion() >= 0 && !memory.knows(head.retired().generation())) {
            StoreReader retiredReader = new StoreReader(store, keys);
            memory.remember(head, retiredReader.retiredFamilies(head.retired()), retiredReader.problems().isEmpty());
        }
    }

    /**
     * What this instance synced before, under this id: a single-instance deployment on a file
     * store restores its counters from it after a restart.
     *
     * @return the families this id last synced; empty when it synced nothing
     * @throws StoreException when the store fails
     */
    public synchronized List<MetricFamilySnapshot> readOwnState() {
        StoreReader reader = new StoreReader(store, keys);
        Map<String, InstanceMeta> metas = reader.metas(List.of(instanceId));
        List<MetricFamilySnapshot> families = reader.instanceFamilies(metas).getOrDefault(instanceId, List.of());
        metas.values().forEach(m -> lastSequence = Math.max(lastSequence, m.sequence()));
        reader.problems().forEach(p -> LOG.warn("Restoring state: {}", p));
        return families;
    }

    private void write(long now, SyncCounts counts) {
        List<MetricFamilySnapshot> families = source.get().families();
        if (baseline != null) {
            families = baseline.subtractFrom(families);
        }
        ChunkPlan.Chunks chunks = plan.split(families, now);
        long sequence = Math.max(now, lastSequence + 1);
        lastSequence = sequence;
        List<Map.Entry<String, Record>> entries = new ArrayList<>(chunks.chunks().size());
        for (int k = 0; k < chunks.chunks().size(); k++) {
            entries.add(Map.entry(keys.chunk(instanceId, k), new Record(sequence, SnapshotCodec.encode(chunks.chunks().get(k)))));
        }
        Duration ttl = options.retentionWindow();
        List<Boolean> applied = store.putAllIfNewer(entries, ttl);
        counts.batches = entries.size();
        counts.series = chunks.series();
        counts.changed = chunks.changed();
        counts.conflicts += (int) applied.stream().filter(ok -> !ok).count();
        InstanceMeta meta = new InstanceMeta(instanceId, sequence, now, entries.size());
        if (!store.putIfNewer(keys.meta(instanceId), new Record(sequence, StateRecords.write(meta)), ttl)) {
            counts.conflicts++;
            LOG.warn("Another process writes under instance id {}: ids must be unique per instance", instanceId);
        }
    }

    /** Adds this instance to the instance list when it is not there (new, or the store lost it). */
    private void register(Instances instances, SyncCounts counts) {
        if (instances.ids().contains(instanceId)) {
            return;
        }
        for (int attempt = 0; attempt < CAS_ATTEMPTS; attempt++) {
            Optional<Record> current = store.get(keys.instances());
            Instances list = current.map(r -> readOr(r, Instances.class, new Instances(List.of())))
                    .orElse(new Instances(List.of()));
            if (list.ids().contains(instanceId)) {
                return;
            }
            long version = current.map(Record::version).orElse(-1L);
            Record next = new Record(version + 1, StateRecords.write(list.with(instanceId)));
            if (store.compareAndSet(keys.instances(), version, next, Retirement.FOLDED_RECORD_TTL)) {
                return;
            }
            counts.retries++;
            SyncCounts.backoff(attempt);
        }
        throw new StoreException("Could not add instance " + instanceId + " to " + keys.instances() + " after "
                + CAS_ATTEMPTS + " compare-and-set attempts");
    }

    /**
     * This instance was taken for stopped and its counts were folded into the retired totals:
     * carry on under a new id, writing only what goes beyond the folded state.
     */
    private void resume(StoreReader reader) {
        Optional<Record> folded = store.get(keys.folded(instanceId));
        List<MetricFamilySnapshot> base = folded.map(r -> reader.chunk("folded state of " + instanceId, r))
                .orElseGet(() -> {
                    LOG.error("Instance {} was folded into the retired totals, but the record of what was folded "
                            + "is gone; counts recorded since cannot be told apart and are dropped", instanceId);
                    return source.get().families();
                });
        // What was folded was written net of any earlier baseline, so the two add up.
        baseline = new Baseline(mergeBaselines(base));
        incarnation++;
        instanceId = baseId + "~" + incarnation;
        plan = new ChunkPlan(options.batchSize());
        LOG.warn("Instance {} had been taken for stopped (no sync for over {}); it goes on as {}",
                baseId, options.instanceTimeout(), instanceId);
    }

    private List<MetricFamilySnapshot> mergeBaselines(List<MetricFamilySnapshot> folded) {
        if (baseline == null) {
            return folded;
        }
        return new ViewMerger(false).add("earlier", baseline.families()).add("now", folded).result();
    }

    private static <T> T readOr(Record r, Class<T> type, T fallback) {
        try {
            return StateRecords.read(r.data(), type);
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    private Duration elapsed(long startedNanos) {
        return Duration.ofNanos(clock.monotonicNanos() - startedNanos);
    }
}
