package io.tasker.metrics.sync;

import io.tasker.metrics.Clock;
import io.tasker.metrics.snapshot.MetricFamilySnapshot;
import io.tasker.metrics.snapshot.MetricsSnapshot;
import io.tasker.metrics.store.CacheStore;
import io.tasker.metrics.store.KeyLayout;
import io.tasker.metrics.store.Record;
import io.tasker.metrics.store.StoreException;
import io.tasker.metrics.store.StoreUnreachableException;
import io.tasker.metrics.sync.StateRecords.InstanceMeta;
import io.tasker.metrics.sync.StateRecords.Instances;
import io.tasker.metrics.sync.internal.SnapshotCodec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
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
    private final List<SyncSidecar> sidecars = new CopyOnWriteArrayList<>();
    private final Identity identity;
    private final StoreMemory memory;
    private final FailureStreak streak;
    private final StateRecords.Origin origin;
    private ChunkPlan plan;
    private long lastSequence;
    private Long stoppedMillis;

    /**
     * A writer for one instance: one per process, since each is a run of its own (see
     * docs/sync.md, "Restarts").
     *
     * @param store the shared store
     * @param options the instance id, namespace, batch size and timings
     * @param clock the time of syncs and of the instance timeout
     * @param source the instance's registry, snapshotted at each sync
     */
    public ClusterSync(CacheStore store, SyncOptions options, Clock clock, Supplier<MetricsSnapshot> source) {
        this.store = store;
        this.options = options;
        this.clock = clock;
        this.keys = options.keys();
        this.source = source;
        this.identity = new Identity(store, keys, options.instanceId());
        this.plan = new ChunkPlan(options.batchSize());
        this.memory = new StoreMemory(store, keys, clock, options.batchSize());
        this.streak = new FailureStreak(options.failureThreshold());
        this.origin = new StateRecords.Origin(
                LocalHost.name(), ProcessHandle.current().pid(), clock.wallTimeMillis());
    }

    /**
     * Marks this instance as stopping: the syncs from now on write, in its meta record, that it
     * stopped and when, so that readers tell a graceful stop (the final sync seen) from an
     * instance that went quiet. Call it right before a graceful stop's final sync.
     */
    public synchronized void stopping() {
        if (stoppedMillis == null) {
            stoppedMillis = clock.wallTimeMillis();
        }
    }

    /**
     * Adds something written with each successful sync under this instance's id and retention.
     *
     * @param sidecar what to write with each sync
     */
    public void attach(SyncSidecar sidecar) {
        sidecars.add(sidecar);
    }

    /**
     * The id this instance writes under now: the configured one, or {@code id~N} once it met
     * state of its own that was folded or state of another run under that id.
     *
     * @return the current instance id
     */
    public synchronized String instanceId() {
        return identity.id();
    }

    /**
     * The random id of this writer's run, written into its meta record.
     *
     * @return the run id
     */
    public String runId() {
        return identity.run();
    }

    /**
     * The store this instance syncs to.
     *
     * @return the store
     */
    public CacheStore store() {
        return store;
    }

    /**
     * How this instance syncs.
     *
     * @return the options it was made with
     */
    public SyncOptions options() {
        return options;
    }

    /**
     * Writes this instance's cumulative state; never throws. A failure is in the result, and
     * what did not get across is sent by the next sync. After {@link SyncOptions#failureThreshold()}
     * failures in a row for the same reason (other than a store that cannot be reached, which is
     * only waited for), the instance starts over: it folds what the store holds of it into the
     * retired totals and writes its whole state again under a fresh id.
     *
     * @param strategy how to write, from the store's probed capabilities
     * @return what the sync did, or why it failed
     */
    public synchronized SyncResult sync(SyncStrategy strategy) {
        Instant at = clock.instant();
        long started = clock.monotonicNanos();
        SyncCounts counts = new SyncCounts(store);
        try {
            syncOnce(strategy, at, counts);
            counts.addCas(store);
            streak.succeeded();
            return counts.result(at, strategy, elapsed(started), null, 0);
        } catch (RuntimeException e) {
            // Any failure, a store's or an encoding's, is reported, never thrown into the host.
            counts.addCas(store);
            counts.failures = Math.max(1, counts.failures);
            int inARow = streak.failed(e.getMessage());
            LOG.warn(
                    "Sync to {} failed{}: {}",
                    store.description(),
                    inARow > 1 ? " (" + inARow + " times in a row for this reason)" : "",
                    e.getMessage());
            // A store that cannot be reached is waited for; starting over cannot help it.
            if (streak.recoverNow() && strategy.shared() && !(e instanceof StoreUnreachableException)) {
                startOver();
            }
            return counts.result(at, strategy, elapsed(started), e.getMessage(), inARow);
        }
    }

    private void syncOnce(SyncStrategy strategy, Instant at, SyncCounts counts) {
        StoreReader reader = new StoreReader(store, keys);
        StoreReader.Head head = reader.head(identity.id());
        StateRecords.Epoch epoch = memory.epoch(head);
        if (memory.restoreIfLost(head)) {
            head = reader.head(identity.id());
        }
        rememberRetired(head);
        if (identity.settle(reader, head, strategy.shared(), () -> source.get().families())) {
            plan = new ChunkPlan(options.batchSize());
            head = reader.head(identity.id());
        }
        memory.seen(liveWith(head, identity.id()));
        write(at.toEpochMilli(), counts, epoch.token());
        register(head.instances(), counts);
        sidecars.forEach(s -> s.write(identity.id(), options.retentionWindow()));
        if (strategy.shared()) {
            counts.retired = new Retirement(store, options, keys, clock).housekeep(head, identity.id(), counts);
        }
    }

    /**
     * Folds this instance's last synced state into the retired totals at once, as the timed fold
     * would after the instance timeout, and under the same compare-and-set: for a graceful stop,
     * after the final sync, so that every process that keeps a copy of the retired totals keeps
     * this instance's totals too. Never throws.
     *
     * @return whether it folded (false when the store holds no state of this run, or cannot be reached)
     */
    public synchronized boolean retire() {
        try {
            return new Retirement(store, options, keys, clock)
                    .retire(identity.id(), identity.run())
                    .isPresent();
        } catch (RuntimeException e) {
            LOG.warn(
                    "Could not fold instance {} into the retired totals at its stop; the timed fold will, after the "
                            + "instance timeout: {}",
                    identity.id(),
                    e.getMessage());
            return false;
        }
    }

    /**
     * The same failure again and again: fold what the store holds of this run into the retired
     * totals (so it stays counted once) and go on under a fresh id, net of it, with a new chunk
     * plan: every key this instance writes from now on is new.
     */
    private void startOver() {
        try {
            String was = identity.id();
            Optional<List<MetricFamilySnapshot>> folded =
                    new Retirement(store, options, keys, clock).retire(was, identity.run());
            StoreReader reader = new StoreReader(store, keys);
            StoreReader.Head head = reader.head();
            if (folded.isPresent()) {
                identity.continueAfterOwnFold(reader, head.retired(), folded.get());
            } else {
                identity.settle(reader, head, true, () -> source.get().families());
            }
            plan = new ChunkPlan(options.batchSize());
            LOG.error(
                    "Sync failed {} times in a row for the same reason; starting over: {} folded into the retired "
                            + "totals, the whole state written again as {}",
                    options.failureThreshold(),
                    folded.isPresent() ? was + " was" : "nothing",
                    identity.id());
        } catch (RuntimeException e) {
            LOG.warn("Could not start over after repeated sync failures: {}", e.getMessage());
        }
    }

    private static List<String> liveWith(StoreReader.Head head, String self) {
        Set<String> ids = new TreeSet<>(head.liveIds());
        ids.add(self);
        return List.copyOf(ids);
    }

    /** A copy of each new generation of the retired totals, read once, to write back should the store lose it. */
    private void rememberRetired(StoreReader.Head head) {
        if (head.retiredVersion() >= 0 && !memory.knows(head.retired().generation())) {
            StoreReader retiredReader = new StoreReader(store, keys);
            memory.remember(
                    head,
                    retiredReader.retiredFamilies(head.retired()),
                    retiredReader.problems().isEmpty());
        }
    }

    /**
     * What this instance synced before, under this id: a single-instance deployment on a file
     * store restores its counters from it after a restart, and carries on from them as its own.
     *
     * @return the families synced last under this id, empty when none
     */
    public synchronized List<MetricFamilySnapshot> readOwnState() {
        StoreReader reader = new StoreReader(store, keys);
        Map<String, InstanceMeta> metas = reader.metas(List.of(identity.id()));
        List<MetricFamilySnapshot> families = reader.instanceFamilies(metas).getOrDefault(identity.id(), List.of());
        metas.values().forEach(m -> {
            lastSequence = Math.max(lastSequence, m.sequence());
            identity.adopt(m);
        });
        reader.problems().forEach(p -> LOG.warn("Restoring state: {}", p));
        return families;
    }

    private void write(long now, SyncCounts counts, String epoch) {
        String id = identity.id();
        List<MetricFamilySnapshot> families = identity.net(source.get().families());
        ChunkPlan.Chunks chunks = plan.split(families, now);
        long sequence = Math.max(now, lastSequence + 1);
        lastSequence = sequence;
        List<Map.Entry<String, Record>> entries =
                new ArrayList<>(chunks.chunks().size());
        for (int k = 0; k < chunks.chunks().size(); k++) {
            entries.add(Map.entry(
                    keys.chunk(id, k),
                    new Record(sequence, SnapshotCodec.encode(chunks.chunks().get(k)))));
        }
        Duration ttl = options.retentionWindow();
        identity.wrote();
        List<Boolean> applied = store.putAllIfNewer(entries, ttl);
        counts.batches = entries.size();
        counts.series = chunks.series();
        counts.changed = chunks.changed();
        counts.conflicts += (int) applied.stream().filter(ok -> !ok).count();
        InstanceMeta meta = new InstanceMeta(
                id, sequence, now, entries.size(), identity.run(), identity.bases(), epoch, origin, stoppedMillis);
        if (!store.putIfNewer(keys.meta(id), new Record(sequence, StateRecords.write(meta)), ttl)) {
            counts.conflicts++;
            LOG.warn("Another process writes under instance id {}: ids must be unique per instance", id);
        }
    }

    /** Adds this instance to the instance list when it is not there (new, or the store lost it). */
    private void register(Instances instances, SyncCounts counts) {
        String id = identity.id();
        if (instances.ids().contains(id)) {
            return;
        }
        for (int attempt = 0; attempt < CAS_ATTEMPTS; attempt++) {
            Optional<Record> current = store.get(keys.instances());
            Instances list = current.map(r -> readOr(r, Instances.class, new Instances(List.of())))
                    .orElse(new Instances(List.of()));
            if (list.ids().contains(id)) {
                return;
            }
            long version = current.map(Record::version).orElse(-1L);
            Record next = new Record(version + 1, StateRecords.write(list.with(id)));
            if (store.compareAndSet(keys.instances(), version, next, Retirement.FOLDED_RECORD_TTL)) {
                return;
            }
            counts.retries++;
            SyncCounts.backoff(attempt);
        }
        throw new StoreException("Could not add instance " + id + " to " + keys.instances() + " after " + CAS_ATTEMPTS
                + " compare-and-set attempts");
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
