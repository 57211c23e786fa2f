package io.tasker.metrics.sync;

import io.tasker.metrics.Clock;
import io.tasker.metrics.snapshot.DataPoint;
import io.tasker.metrics.snapshot.GaugeSnapshot;
import io.tasker.metrics.snapshot.Labels;
import io.tasker.metrics.snapshot.MetricFamilySnapshot;
import io.tasker.metrics.store.CacheStore;
import io.tasker.metrics.store.KeyLayout;
import io.tasker.metrics.store.Record;
import io.tasker.metrics.store.StoreException;
import io.tasker.metrics.sync.StateRecords.Departure;
import io.tasker.metrics.sync.StateRecords.InstanceMeta;
import io.tasker.metrics.sync.StateRecords.Instances;
import io.tasker.metrics.sync.StateRecords.Retired;
import io.tasker.metrics.sync.internal.Chunking;
import io.tasker.metrics.sync.internal.SnapshotCodec;
import io.tasker.metrics.sync.internal.ViewMerger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Folds stopped instances into the retired totals, exactly once.
 *
 * <p>An instance that has not synced for the instance timeout is taken as stopped. Its counters
 * and histograms (not its gauges: a stopped instance's gauge means nothing) are added to the
 * retired totals under a new generation of keys, then the retired record is switched to that
 * generation by compare-and-set, naming the instance as folded in the same write. A retry, or a
 * second instance doing the same at the same time, finds the instance already folded (or loses
 * the compare-and-set) and adds nothing.
 */
final class Retirement {
    private static final Logger LOG = LoggerFactory.getLogger(Retirement.class);
    /** How long the record of what a stopped instance left is kept, for it to find should it wake up. */
    static final Duration FOLDED_RECORD_TTL = Duration.ofHours(24);

    private static final int RETIRE_ATTEMPTS = 10;

    private final CacheStore store;
    private final SyncOptions options;
    private final KeyLayout keys;
    private final Clock clock;

    Retirement(CacheStore store, SyncOptions options, KeyLayout keys, Clock clock) {
        this.store = store;
        this.options = options;
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * Folds every stopped instance it finds, all in one new generation; returns how many. One
     * generation for all of them matters when many stop at once (a scale-down): folding one per
     * sync would leave the rest to slow every view read, and to expire before their turn came.
     */
    int foldStale(String self, SyncCounts counts) {
        StoreReader reader = new StoreReader(store, keys);
        StoreReader.Head head = reader.head();
        long now = clock.wallTimeMillis();
        List<String> others =
                head.instances().ids().stream().filter(id -> !id.equals(self)).toList();
        Map<String, InstanceMeta> metas = reader.metas(others);
        Map<String, InstanceMeta> stale = new LinkedHashMap<>();
        for (String id : others) {
            InstanceMeta meta = metas.get(id);
            if (head.retired().folded().containsKey(id)) {
                forget(id, meta, counts);
            } else if (meta == null) {
                LOG.warn(
                        "Instance {} expired from {} before it could be folded into the retired totals; "
                                + "its counts are lost (is retention_window shorter than the time instances stay down?)",
                        id,
                        store.description());
                forget(id, null, counts);
            } else if (now - meta.lastSyncMillis() > options.instanceTimeout().toMillis()) {
                stale.put(id, meta);
            }
        }
        if (stale.isEmpty()) {
            return 0;
        }
        if (fold(stale, reader, head, now).isEmpty()) {
            counts.conflicts++; // Someone else changed the retired record: the next sync reads it anew.
            return 0;
        }
        stale.forEach((id, meta) -> forget(id, meta, counts));
        return stale.size();
    }

    /**
     * Folds one instance's state at once, when the store holds a state of this run under that id
     * that is not folded yet (a graceful stop; a writer starting over): the same fold as the
     * timed one, retried when another fold wins the compare-and-set meanwhile.
     *
     * @return what was folded, empty when there was nothing of this run to fold
     */
    Optional<List<MetricFamilySnapshot>> retire(String id, String run) {
        for (int attempt = 0; attempt < RETIRE_ATTEMPTS; attempt++) {
            StoreReader reader = new StoreReader(store, keys);
            StoreReader.Head head = reader.head(id);
            InstanceMeta meta = head.own();
            if (meta == null || !meta.writtenBy(run) || head.retired().folded().containsKey(id)) {
                return Optional.empty();
            }
            Optional<Map<String, List<MetricFamilySnapshot>>> folded =
                    fold(Map.of(id, meta), reader, head, clock.wallTimeMillis());
            if (folded.isPresent()) {
                forget(id, meta, new SyncCounts(store));
                return Optional.of(folded.get().get(id));
            }
            SyncCounts.backoff(attempt);
        }
        throw new StoreException("Could not fold instance " + id + " into the retired totals: "
                + "the compare-and-set on " + keys.retired() + " lost " + RETIRE_ATTEMPTS + " times");
    }

    /** Folds these instances into a new generation; what was folded per instance, or empty when the compare-and-set lost. */
    private Optional<Map<String, List<MetricFamilySnapshot>>> fold(
            Map<String, InstanceMeta> stale, StoreReader reader, StoreReader.Head head, long now) {
        Map<String, InstanceMeta> metas = reader.metas(liveIds(head, stale.keySet()));
        Map<String, InstanceMeta> stoppedMetas = new LinkedHashMap<>(metas);
        stoppedMetas.keySet().retainAll(stale.keySet());
        Map<String, List<MetricFamilySnapshot>> read = reader.instanceFamilies(stoppedMetas);
        ViewMerger merger = new ViewMerger(false).add("retired", reader.retiredFamilies(head.retired()));
        Map<String, List<MetricFamilySnapshot>> stopped = new LinkedHashMap<>();
        for (String id : stale.keySet()) {
            stopped.put(id, withoutGauges(read.get(id)));
            merger.add(id, stopped.get(id));
        }
        List<MetricFamilySnapshot> sum = merger.result();
        long cutoff = now - options.retentionWindow().toMillis();
        List<MetricFamilySnapshot> merged = withoutExpired(sum, survivors(metas, stale, reader, sum, cutoff), cutoff);

        long generation = head.retired().generation() + 1;
        List<List<MetricFamilySnapshot>> chunks = Chunking.split(merged, options.batchSize());
        List<Map.Entry<String, Record>> entries = new ArrayList<>();
        for (int k = 0; k < chunks.size(); k++) {
            entries.add(Map.entry(
                    keys.retiredChunk(generation, k), new Record(generation, SnapshotCodec.encode(chunks.get(k)))));
        }
        stopped.forEach((id, families) ->
                entries.add(Map.entry(keys.folded(id), new Record(generation, SnapshotCodec.encode(families)))));
        store.putAllIfNewer(entries, FOLDED_RECORD_TTL);
        Retired next = nextRecord(head.retired(), generation, chunks.size(), stale, metas.values(), now);
        boolean won = store.compareAndSet(
                keys.retired(),
                head.retiredVersion(),
                new Record(head.retiredVersion() + 1, StateRecords.write(next)),
                FOLDED_RECORD_TTL);
        if (!won) {
            return Optional.empty();
        }
        stale.forEach((id, meta) -> LOG.info(
                "Folded instance {} (run {}, last sync {} ms ago) into the retired " + "totals, generation {}",
                id,
                meta.run(),
                now - meta.lastSyncMillis(),
                generation));
        for (int k = 0; k < head.retired().chunks(); k++) {
            store.delete(keys.retiredChunk(head.retired().generation(), k));
        }
        return Optional.of(stopped);
    }

    /**
     * The retired record naming these instances (and their runs) as folded too. A folded id is
     * kept for a day, for a paused instance to find should it wake up, and for as long as a live
     * instance writes net of its state (its base), so that the base stays verifiable.
     */
    private static Retired nextRecord(
            Retired previous,
            long generation,
            int chunkCount,
            Map<String, InstanceMeta> stale,
            Collection<InstanceMeta> living,
            long now) {
        Set<String> bases = new HashSet<>();
        living.forEach(m -> m.base().forEach(b -> bases.add(b.id())));
        Map<String, Long> foldedIds = new HashMap<>();
        Map<String, String> runs = new HashMap<>();
        Map<String, Departure> departures = new HashMap<>();
        previous.folded().forEach((id, at) -> {
            if (now - at < FOLDED_RECORD_TTL.toMillis() || bases.contains(id)) {
                foldedIds.put(id, at);
                if (previous.runs().containsKey(id)) {
                    runs.put(id, previous.runs().get(id));
                }
                if (previous.departures().containsKey(id)) {
                    departures.put(id, previous.departures().get(id));
                }
            }
        });
        stale.forEach((id, meta) -> {
            foldedIds.put(id, now);
            if (meta.run() != null) {
                runs.put(id, meta.run());
            }
            departures.put(id, Departure.of(meta));
        });
        return new Retired(generation, chunkCount, foldedIds, false, runs, departures);
    }

    /**
     * Which series the instances that go on living have; read only when some retired series
     * is old enough to be dropped for want of one, since it takes a read of all of them.
     */
    private static BiPredicate<String, Labels> survivors(
            Map<String, InstanceMeta> metas,
            Map<String, InstanceMeta> stale,
            StoreReader reader,
            List<MetricFamilySnapshot> sum,
            long cutoff) {
        if (!anyBefore(sum, cutoff)) {
            return (family, labels) -> false;
        }
        Map<String, InstanceMeta> living = new LinkedHashMap<>(metas);
        living.keySet().removeAll(stale.keySet());
        ViewMerger merger = new ViewMerger(false);
        reader.mergeInstances(living, merger);
        return merger::hasSeries;
    }

    private static List<String> liveIds(StoreReader.Head head, Collection<String> alsoInclude) {
        List<String> ids = new ArrayList<>(head.liveIds());
        for (String id : alsoInclude) {
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    /** Drops a folded instance from the list and its keys from the store. */
    private void forget(String id, InstanceMeta meta, SyncCounts counts) {
        for (int attempt = 0; attempt < 10; attempt++) {
            Optional<Record> current = store.get(keys.instances());
            if (current.isEmpty()) {
                break;
            }
            Instances list = StateRecords.read(current.get().data(), Instances.class);
            if (!list.ids().contains(id)) {
                break;
            }
            Record next = new Record(current.get().version() + 1, StateRecords.write(list.without(id)));
            if (store.compareAndSet(keys.instances(), current.get().version(), next, FOLDED_RECORD_TTL)) {
                break;
            }
            counts.retries++;
            SyncCounts.backoff(attempt);
        }
        if (meta != null) {
            for (int k = 0; k < meta.chunks(); k++) {
                store.delete(keys.chunk(id, k));
            }
            store.delete(keys.meta(id));
        }
    }

    /**
     * Retired series last updated before {@code cutoffMillis} that no live instance has any more:
     * dropped, so that retired totals of series nobody records expire like everything else.
     * {@code live} tells whether a live instance has a series (family name, labels).
     */
    static List<MetricFamilySnapshot> withoutExpired(
            List<MetricFamilySnapshot> retired, BiPredicate<String, Labels> live, long cutoffMillis) {
        return filterPoints(retired, (f, p) -> p.updatedAtMillis() >= cutoffMillis || live.test(f.name(), p.labels()));
    }

    private static boolean anyBefore(List<MetricFamilySnapshot> families, long cutoffMillis) {
        return families.stream().anyMatch(f -> f.points().stream().anyMatch(p -> p.updatedAtMillis() < cutoffMillis));
    }

    /** Keeps the retired totals alive for as long as anyone syncs or maintains the cluster. */
    void keepAlive(StoreReader.Head head) {
        store.touch(keys.epoch(), FOLDED_RECORD_TTL);
        if (head.retiredVersion() < 0) {
            return;
        }
        store.touch(keys.retired(), FOLDED_RECORD_TTL);
        for (int k = 0; k < head.retired().chunks(); k++) {
            store.touch(keys.retiredChunk(head.retired().generation(), k), FOLDED_RECORD_TTL);
        }
    }

    /** Housekeeping every sync and every maintenance run does: keep the retired totals, fold the stopped. */
    int housekeep(StoreReader.Head head, String self, SyncCounts counts) {
        keepAlive(head);
        return foldStale(self, counts);
    }

    static List<MetricFamilySnapshot> withoutGauges(List<MetricFamilySnapshot> families) {
        return families == null
                ? List.of()
                : families.stream().filter(f -> !(f instanceof GaugeSnapshot)).toList();
    }

    /** The families with only the points that pass; families left empty are dropped. */
    static List<MetricFamilySnapshot> filterPoints(
            List<MetricFamilySnapshot> families, BiPredicate<MetricFamilySnapshot, DataPoint> keep) {
        List<MetricFamilySnapshot> out = new ArrayList<>();
        for (MetricFamilySnapshot f : families) {
            List<DataPoint> points = f.points().stream()
                    .filter(p -> keep.test(f, p))
                    .map(p -> (DataPoint) p)
                    .toList();
            if (!points.isEmpty()) {
                out.add(f.withPoints(points, f.foldedObservations()));
            }
        }
        return out;
    }
}
