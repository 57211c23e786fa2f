package io.tasker.metrics.sync;

import io.tasker.metrics.Clock;
import io.tasker.metrics.snapshot.Labels;
import io.tasker.metrics.snapshot.MetricFamilySnapshot;
import io.tasker.metrics.snapshot.MetricsSnapshot;
import io.tasker.metrics.store.CacheStore;
import io.tasker.metrics.store.ConflictCounting;
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
 * Syncs one instance's registry to the shared store and reads the cluster view back.
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
 * MetricsSnapshot cluster = sync.readView().snapshot();
 * }</pre>
 */
public final class ClusterSync {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterSync.class);
    /** How long the record of what a stopped instance left is kept, for it to find should it wake up. */
    static final Duration FOLDED_RECORD_TTL = Duration.ofHours(24);
    private static final int CAS_ATTEMPTS = 10;

    private final CacheStore store;
    private final SyncOptions options;
    private final Clock clock;
    private final KeyLayout keys;
    private final Supplier<MetricsSnapshot> source;
    private final String baseId;
    private String instanceId;
    private ChunkPlan plan;
    private Baseline baseline;
    private int incarnation;
    private long lastSequence;

    public ClusterSync(CacheStore store, SyncOptions options, Clock clock, Supplier<MetricsSnapshot> source) {
        this.store = store;
        this.options = options;
        this.clock = clock;
        this.keys = options.keys();
        this.source = source;
        this.baseId = options.instanceId();
        this.instanceId = baseId;
        this.plan = new ChunkPlan(options.batchSize());
    }

    /** The id this instance writes under now (it changes if the instance was taken for stopped). */
    public synchronized String instanceId() {
        return instanceId;
    }

    public CacheStore store() {
        return store;
    }

    public SyncOptions options() {
        return options;
    }

    /**
     * Writes this instance's cumulative state; never throws. A failure is in the result, and
     * what did not get across is sent by the next sync.
     */
    public synchronized SyncResult sync(SyncStrategy strategy) {
        Instant at = clock.instant();
        long started = clock.monotonicNanos();
        Counts counts = new Counts();
        long[] casBefore = casCounts();
        try {
            StoreReader reader = new StoreReader(store, keys);
            StoreReader.Head head = reader.head();
            if (head.retired().folded().containsKey(instanceId)) {
                resume(reader);
                head = reader.head();
            }
            write(at.toEpochMilli(), counts);
            register(head.instances(), counts);
            if (strategy != SyncStrategy.LOCAL_ONLY) {
                refreshRetired(head);
                counts.retired = new Retirement(store, options, keys, clock).foldStale(instanceId, counts);
            }
            counts.addCas(casBefore, casCounts());
            return counts.result(at, strategy, elapsed(started), null);
        } catch (RuntimeException e) {
            // Any failure, a store's or an encoding's, is reported, never thrown into the host.
            counts.addCas(casBefore, casCounts());
            counts.failures = Math.max(1, counts.failures);
            LOG.warn("Sync to {} failed: {}", store.description(), e.getMessage());
            return counts.result(at, strategy, elapsed(started), e.getMessage());
        }
    }

    /**
     * The cluster's housekeeping without writing anything of this instance's: folds stopped
     * instances and keeps the retired totals alive. What {@code tasker-metrics sync} runs, since
     * a CLI process has recorded nothing of its own. Never throws.
     */
    public synchronized SyncResult maintain(SyncStrategy strategy) {
        Instant at = clock.instant();
        long started = clock.monotonicNanos();
        Counts counts = new Counts();
        try {
            StoreReader.Head head = new StoreReader(store, keys).head();
            if (strategy != SyncStrategy.LOCAL_ONLY) {
                refreshRetired(head);
                counts.retired = new Retirement(store, options, keys, clock).foldStale(instanceId, counts);
            }
            return counts.result(at, strategy, elapsed(started), null);
        } catch (StoreException | IllegalArgumentException e) {
            counts.failures = 1;
            return counts.result(at, strategy, elapsed(started), e.getMessage());
        }
    }

    /** The newest sync of any live instance, as their meta records say. */
    public Optional<Instant> lastClusterSync() {
        StoreReader reader = new StoreReader(store, keys);
        StoreReader.Head head = reader.head();
        return reader.metas(head.instances().ids()).values().stream()
                .map(m -> Instant.ofEpochMilli(m.lastSyncMillis())).max(Instant::compareTo);
    }

    /** The retired totals plus every live instance's last sync, added up; throws StoreException. */
    public ClusterView readView() {
        for (int attempt = 1; ; attempt++) {
            StoreReader reader = new StoreReader(store, keys);
            StoreReader.Head head = reader.head();
            List<String> live = head.instances().ids().stream()
                    .filter(id -> !head.retired().folded().containsKey(id)).toList();
            Map<String, List<MetricFamilySnapshot>> instances = reader.instanceFamilies(reader.metas(live));
            List<MetricFamilySnapshot> retired = reader.retiredFamilies(head.retired());
            // A retirement between the reads above could make a stopped instance count twice or
            // not at all; the retired record's version tells, and then we read again.
            if (reader.head().retiredVersion() != head.retiredVersion() && attempt < 5) {
                continue;
            }
            ViewMerger merger = new ViewMerger(options.includeInstanceLabels());
            instances.forEach(merger::add);
            merger.add(null, withoutExpired(retired, instances));
            List<String> problems = new ArrayList<>(reader.problems());
            problems.addAll(merger.conflicts());
            MetricsSnapshot snapshot = new MetricsSnapshot(clock.instant(), merger.result());
            return new ClusterView(snapshot, List.copyOf(instances.keySet()), head.retired().generation(), problems);
        }
    }

    /**
     * When the first live instance's data expires from the store, if it is not written again:
     * the store's own time to live where it can tell, the last sync plus the retention window
     * otherwise. Empty when no instance has synced.
     */
    public Optional<Instant> earliestExpiry() {
        StoreReader reader = new StoreReader(store, keys);
        StoreReader.Head head = reader.head();
        List<String> live = head.instances().ids().stream()
                .filter(id -> !head.retired().folded().containsKey(id)).toList();
        boolean inspect = store.declaredCapabilities().ttlInspection();
        Instant earliest = null;
        for (InstanceMeta m : reader.metas(live).values()) {
            Instant expiry = inspect
                    ? store.ttl(keys.meta(m.id())).map(clock.instant()::plus).orElse(clock.instant())
                    : Instant.ofEpochMilli(m.lastSyncMillis()).plus(options.retentionWindow());
            earliest = earliest == null || expiry.isBefore(earliest) ? expiry : earliest;
        }
        return Optional.ofNullable(earliest);
    }

    /**
     * Gives every live instance's data at least {@code extra} more to live, from now: an
     * exporter that is late extends the data first, so that nothing expires before it is
     * exported. Returns how many keys were extended.
     */
    public int extendTtl(Duration extra) {
        StoreReader reader = new StoreReader(store, keys);
        StoreReader.Head head = reader.head();
        List<String> live = head.instances().ids().stream()
                .filter(id -> !head.retired().folded().containsKey(id)).toList();
        Duration ttl = options.retentionWindow().plus(extra);
        int extended = 0;
        for (InstanceMeta m : reader.metas(live).values()) {
            extended += store.touch(keys.meta(m.id()), ttl) ? 1 : 0;
            for (int k = 0; k < m.chunks(); k++) {
                extended += store.touch(keys.chunk(m.id(), k), ttl) ? 1 : 0;
            }
        }
        return extended;
    }

    /**
     * What this instance synced before, under this id: a single-instance deployment on a file
     * store restores its counters from it after a restart.
     */
    public synchronized List<MetricFamilySnapshot> readOwnState() {
        StoreReader reader = new StoreReader(store, keys);
        Map<String, InstanceMeta> metas = reader.metas(List.of(instanceId));
        List<MetricFamilySnapshot> families = reader.instanceFamilies(metas).getOrDefault(instanceId, List.of());
        metas.values().forEach(m -> lastSequence = Math.max(lastSequence, m.sequence()));
        reader.problems().forEach(p -> LOG.warn("Restoring state: {}", p));
        return families;
    }

    private void write(long now, Counts counts) {
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
    private void register(Instances instances, Counts counts) {
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
            if (store.compareAndSet(keys.instances(), version, next, FOLDED_RECORD_TTL)) {
                return;
            }
            counts.retries++;
            backoff(attempt);
        }
        throw new StoreException("Could not add instance " + instanceId + " to " + keys.instances() + " after "
                + CAS_ATTEMPTS + " compare-and-set attempts");
    }

    /** Keeps the retired totals alive for as long as any instance syncs. */
    private void refreshRetired(StoreReader.Head head) {
        if (head.retiredVersion() < 0) {
            return;
        }
        store.touch(keys.retired(), FOLDED_RECORD_TTL);
        for (int k = 0; k < head.retired().chunks(); k++) {
            store.touch(keys.retiredChunk(head.retired().generation(), k), FOLDED_RECORD_TTL);
        }
    }

    /**
     * This instance was taken for stopped and its counts were folded into the retired totals:
     * carry on under a new id, writing only what goes beyond the folded state.
     */
    private void resume(StoreReader reader) {
        Optional<Record> folded = store.get(Retirement.foldedKey(keys, instanceId));
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

    /** Retired series older than the retention window that no live instance has any more expire. */
    private List<MetricFamilySnapshot> withoutExpired(List<MetricFamilySnapshot> retired,
                                                      Map<String, List<MetricFamilySnapshot>> live) {
        long cutoff = clock.wallTimeMillis() - options.retentionWindow().toMillis();
        Set<String> liveSeries = new HashSet<>();
        live.values().forEach(fs -> fs.forEach(f -> f.points().forEach(p -> liveSeries.add(key(f, p.labels())))));
        return Retirement.filterPoints(retired, (f, p) -> p.updatedAtMillis() >= cutoff
                || liveSeries.contains(key(f, p.labels())));
    }

    static String key(MetricFamilySnapshot f, Labels labels) {
        return f.name() + labels;
    }

    private static <T> T readOr(Record r, Class<T> type, T fallback) {
        try {
            return StateRecords.read(r.data(), type);
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    static void backoff(int attempt) {
        try {
            Thread.sleep((long) (Math.random() * (5L << Math.min(attempt, 6))));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("Interrupted while retrying a compare-and-set");
        }
    }

    /** The store's compare-and-set conflicts and retries so far, where it counts them. */
    private long[] casCounts() {
        return store instanceof ConflictCounting c ? new long[] {c.casConflicts(), c.casRetries()} : new long[2];
    }

    private Duration elapsed(long startedNanos) {
        return Duration.ofNanos(clock.monotonicNanos() - startedNanos);
    }

    /** What a sync counted as it went. */
    static final class Counts {
        int series;
        int changed;
        int batches;
        int conflicts;
        int retries;
        int failures;
        int retired;

        void addCas(long[] before, long[] after) {
            conflicts += (int) (after[0] - before[0]);
            retries += (int) (after[1] - before[1]);
        }

        SyncResult result(Instant at, SyncStrategy strategy, Duration duration, String error) {
            return new SyncResult(at, strategy, series, changed, batches, conflicts, retries, failures, retired,
                    duration, error);
        }
    }
}
