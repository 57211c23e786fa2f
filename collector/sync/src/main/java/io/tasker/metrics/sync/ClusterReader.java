package io.tasker.metrics.sync;

import io.tasker.metrics.Clock;
import io.tasker.metrics.snapshot.MetricFamilySnapshot;
import io.tasker.metrics.snapshot.MetricsSnapshot;
import io.tasker.metrics.store.CacheStore;
import io.tasker.metrics.store.KeyLayout;
import io.tasker.metrics.store.StoreException;
import io.tasker.metrics.sync.StateRecords.InstanceMeta;
import io.tasker.metrics.sync.internal.ViewMerger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Reads the cluster as the shared store holds it: the view (retired totals plus every live
 * instance's last sync), its instances and when the data expires. The console, the CLI and the
 * exporter read through it. Reading writes nothing but the store's epoch marker (added once, if
 * absent, and marked when the store lost its data), which is how readers and writers agree that a
 * loss happened; the writes made on the cluster's behalf are {@link #maintenance()}'s, and only a
 * {@link ClusterSync} writes an instance's values.
 *
 * <pre>{@code
 * ClusterReader reader = new ClusterReader(store, SyncOptions.defaults("console-1"), Clock.SYSTEM);
 * MetricsSnapshot cluster = reader.readView().snapshot();
 * }</pre>
 */
public final class ClusterReader {
    private static final int VIEW_ATTEMPTS = 5;

    private final CacheStore store;
    private final SyncOptions options;
    private final Clock clock;
    private final KeyLayout keys;
    private final StoreMemory memory;
    private final StoreMaintenance maintenance;

    /**
     * A reader of the cluster in this store.
     *
     * @param store the shared store
     * @param options the namespace, the retention window and the instance timeout (the id is this process's)
     * @param clock the time of reads, expiry and folds
     */
    public ClusterReader(CacheStore store, SyncOptions options, Clock clock) {
        this.store = store;
        this.options = options;
        this.clock = clock;
        this.keys = options.keys();
        this.memory = new StoreMemory(store, keys, clock, options.batchSize());
        this.maintenance = new StoreMaintenance(store, options, clock, memory);
    }

    /**
     * The store it reads.
     *
     * @return the store
     */
    public CacheStore store() {
        return store;
    }

    /**
     * The options it reads with.
     *
     * @return the options
     */
    public SyncOptions options() {
        return options;
    }

    /**
     * The retired totals plus every live instance's last sync, added up; throws {@link StoreException} when the store cannot be read.
     *
     * @return the view, with whether the store lost its data and who has not written again since
     */
    public ClusterView readView() {
        for (int attempt = 1; ; attempt++) {
            StoreReader reader = new StoreReader(store, keys);
            StoreReader.Head head = reader.head();
            StateRecords.Epoch epoch = memory.epoch(head);
            Map<String, InstanceMeta> instances = reader.metas(head.liveIds());
            memory.seen(recentlySynced(instances));
            ViewMerger merger = new ViewMerger(options.includeInstanceLabels());
            reader.mergeInstances(instances, merger);
            List<MetricFamilySnapshot> retired = reader.retiredFamilies(head.retired());
            memory.remember(head, retired, reader.problems().isEmpty());
            // Lost by the store but remembered here: counted from the copy; writers write it back.
            Optional<StoreMemory.Copy> kept = memory.copyIfLost(head);
            if (kept.isPresent()) {
                retired = kept.get().families();
            }
            StateRecords.Retired retiredSeen =
                    kept.map(StoreMemory.Copy::retired).orElse(head.retired());
            // A retirement between the reads above could make a stopped instance count twice or
            // not at all; the retired record's version tells, and then we read again.
            if (reader.head().retiredVersion() != head.retiredVersion() && attempt < VIEW_ATTEMPTS) {
                continue;
            }
            long cutoff = clock.wallTimeMillis() - options.retentionWindow().toMillis();
            // Asked before the retired totals are added: what the live instances have, only.
            merger.add(null, Retirement.withoutExpired(retired, merger::hasSeries, cutoff));
            List<String> problems = new ArrayList<>(reader.problems());
            problems.addAll(merger.conflicts());
            MetricsSnapshot snapshot = new MetricsSnapshot(clock.instant(), merger.result());
            return new ClusterView(
                    snapshot,
                    List.copyOf(instances.keySet()),
                    retiredSeen.generation(),
                    problems,
                    Instant.ofEpochMilli(epoch.startedMillis()),
                    epoch.afterLoss(),
                    awaiting(epoch, retiredSeen, instances));
        }
    }

    /**
     * After a loss, the instances expected to write their state again that have not yet: those
     * seen live before it, and any listed now, without a meta written under this epoch and not
     * folded. Empty when the epoch did not begin after a loss.
     */
    private static List<String> awaiting(
            StateRecords.Epoch epoch, StateRecords.Retired retired, Map<String, InstanceMeta> instances) {
        if (!epoch.afterLoss()) {
            return List.of();
        }
        TreeSet<String> ids = new TreeSet<>(epoch.expected());
        ids.addAll(instances.keySet());
        ids.removeIf(id -> retired.folded().containsKey(id)
                || (instances.containsKey(id)
                        && epoch.token().equals(instances.get(id).epoch())));
        return List.copyOf(ids);
    }

    /** The instances that synced within the instance timeout: the ones to expect again after a loss. */
    private List<String> recentlySynced(Map<String, InstanceMeta> metas) {
        long since = clock.wallTimeMillis() - options.instanceTimeout().toMillis();
        return metas.values().stream()
                .filter(m -> m.lastSyncMillis() >= since)
                .map(InstanceMeta::id)
                .toList();
    }

    /**
     * Every instance one at a time: the live ones as they last synced, the folded ones, the retired totals.
     *
     * @return the directory of the cluster's members
     */
    public InstanceDirectory instances() {
        StoreReader reader = new StoreReader(store, keys);
        StoreReader.Head head = reader.head();
        Map<String, StateRecords.InstanceMeta> metas = reader.metas(head.liveIds());
        Map<String, List<MetricFamilySnapshot>> families = reader.instanceFamilies(metas);
        List<InstanceDirectory.Instance> live = new ArrayList<>();
        metas.forEach((id, m) -> live.add(new InstanceDirectory.Instance(
                id,
                m.sequence(),
                Instant.ofEpochMilli(m.lastSyncMillis()),
                instant(m.stoppedMillis()),
                origin(m.origin()),
                families.getOrDefault(id, List.of()))));
        List<InstanceDirectory.Folded> folded = new ArrayList<>();
        head.retired().folded().forEach((id, at) -> {
            StateRecords.Departure d = head.retired().departures().get(id);
            folded.add(new InstanceDirectory.Folded(
                    id,
                    Instant.ofEpochMilli(at),
                    d == null ? null : Instant.ofEpochMilli(d.lastSyncMillis()),
                    d == null ? null : instant(d.stoppedMillis()),
                    d == null ? null : origin(d.origin())));
        });
        return new InstanceDirectory(live, folded, reader.retiredFamilies(head.retired()));
    }

    private static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }

    private static InstanceDirectory.Origin origin(StateRecords.Origin o) {
        return o == null
                ? null
                : new InstanceDirectory.Origin(o.host(), o.pid(), Instant.ofEpochMilli(o.startedMillis()));
    }

    /**
     * The newest sync of any live instance, as their meta records say.
     *
     * @return when, or empty when no instance is live
     */
    public Optional<Instant> lastClusterSync() {
        return liveMetas().stream()
                .map(m -> Instant.ofEpochMilli(m.lastSyncMillis()))
                .max(Instant::compareTo);
    }

    /**
     * When the first live instance's data expires from the store, if it is not written again:
     * the store's own time to live where it can tell, the last sync plus the retention window
     * otherwise. Empty when no instance has synced.
     *
     * @return the earliest expiry of a live instance's data
     */
    public Optional<Instant> earliestExpiry() {
        boolean inspect = store.declaredCapabilities().ttlInspection();
        Instant now = clock.instant();
        return liveMetas().stream()
                .map(m -> inspect
                        ? store.ttl(keys.meta(m.id())).map(now::plus).orElse(now)
                        : Instant.ofEpochMilli(m.lastSyncMillis()).plus(options.retentionWindow()))
                .min(Instant::compareTo);
    }

    /**
     * The writes made on the cluster's behalf (folding stopped instances, writing back lost
     * retired totals, extending the data's time to live), with this reader's copy of the retired
     * totals to write back.
     *
     * @return the maintenance of this reader's store
     */
    public StoreMaintenance maintenance() {
        return maintenance;
    }

    private List<InstanceMeta> liveMetas() {
        StoreReader reader = new StoreReader(store, keys);
        return List.copyOf(reader.metas(reader.head().liveIds()).values());
    }
}
