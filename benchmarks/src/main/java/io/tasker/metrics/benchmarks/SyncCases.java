package io.tasker.metrics.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tasker.metrics.ManualClock;
import io.tasker.metrics.snapshot.MetricFamilySnapshot;
import io.tasker.metrics.snapshot.MetricsSnapshot;
import io.tasker.metrics.store.CacheStore;
import io.tasker.metrics.store.KeyLayout;
import io.tasker.metrics.store.MemoryStore;
import io.tasker.metrics.store.Record;
import io.tasker.metrics.sync.ClusterReader;
import io.tasker.metrics.sync.ClusterSync;
import io.tasker.metrics.sync.ClusterView;
import io.tasker.metrics.sync.SyncOptions;
import io.tasker.metrics.sync.SyncResult;
import io.tasker.metrics.sync.SyncStrategy;
import io.tasker.metrics.sync.internal.Chunking;
import io.tasker.metrics.sync.internal.SnapshotCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The measurements of {@link SyncBenchmark} on one store: a sync of N changed series, a read of
 * the cluster view, and the same read once stopped instances have been folded in. Everything
 * runs through {@link ClusterSync} as an application would, on one {@link ManualClock}, so
 * that instances can be aged past the instance timeout without waiting for it. Each case also
 * checks what it measured (series sent, sums of the view), so that a fast figure cannot come
 * from work not done.
 */
final class SyncCases {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Sync and fold decisions read this clock; the stores' own TTLs run on real time and are never reached. */
    private final ManualClock clock = new ManualClock(Instant.now());

    private final String storeName;
    private final CacheStore store;
    private final SyncStrategy strategy;

    SyncCases(String storeName, CacheStore store) {
        this.storeName = storeName;
        this.store = store;
        this.strategy = SyncStrategy.select(store.probe(KeyLayout.defaults()));
    }

    SyncStrategy strategy() {
        return strategy;
    }

    /** How many runs, after how many unmeasured ones. */
    record Runs(int warmup, int measured) {}

    /**
     * A sync and its parts, each measured apart after the same change of every series: the same
     * sync on an in-process {@link MemoryStore} (everything but the network and the server), the
     * registry snapshot, the encoding of its chunks, and one {@code putAllIfNewer} of those chunks
     * on other keys. {@code gcMillis} is the collector's pause time per measured sync, on average.
     */
    record SyncFigures(
            int series,
            Timing sync,
            double gcMillis,
            Timing inMemory,
            Timing snapshot,
            Timing encode,
            Timing write,
            int chunks,
            long bytes) {}

    /** A read of the cluster view and its parts: one fetch of all chunks, and decoding them. */
    record ViewFigures(
            String label,
            int instances,
            int series,
            Timing read,
            Timing fetch,
            Timing decode,
            int chunks,
            long bytes) {}

    /** The view before stopped instances came, with them not yet folded, and after folding. */
    record DeadFigures(
            int dead,
            ViewFigures before,
            ViewFigures unfolded,
            ViewFigures after,
            Timing fold,
            long retiredGeneration) {}

    /** Round trips to the store, for scale. */
    Timing ping(int n) {
        long[] nanos = new long[n];
        for (int i = -n; i < n; i++) {
            long t = System.nanoTime();
            store.ping();
            if (i >= 0) {
                nanos[i] = System.nanoTime() - t;
            }
        }
        return Timing.of(nanos);
    }

    SyncFigures sync(int series, Runs runs) {
        SyncWorkload w = new SyncWorkload(series, SyncWorkload.FAMILY_SIZE);
        SyncOptions options = options(namespace(), "sync-" + series);
        ClusterSync sync = new ClusterSync(store, options, clock, w.registry()::snapshot);
        expect(sync.sync(strategy), series, series, "first sync");
        long[] nanos = new long[runs.measured()];
        long gc = 0;
        for (int i = -runs.warmup(); i < runs.measured(); i++) {
            w.changeAll();
            clock.advance(Duration.ofSeconds(1));
            long gcBefore = gcMillis();
            long t = System.nanoTime();
            SyncResult r = sync.sync(strategy);
            long took = System.nanoTime() - t;
            expect(r, series, series, "sync " + i);
            if (i >= 0) {
                nanos[i] = took;
                gc += gcMillis() - gcBefore;
            }
        }
        return parts(w, Timing.of(nanos), (double) gc / runs.measured(), options, runs);
    }

    /** The sync's parts, each measured on its own after the same change of every series. */
    private SyncFigures parts(SyncWorkload w, Timing sync, double gc, SyncOptions options, Runs runs) {
        KeyLayout scratch = new KeyLayout(namespace());
        ClusterSync inMemory = new ClusterSync(new MemoryStore(clock), options, clock, w.registry()::snapshot);
        expect(inMemory.sync(strategy), w.series(), w.series(), "first in-memory sync");
        long[] inMemories = new long[runs.measured()];
        long[] snapshots = new long[runs.measured()];
        long[] encodes = new long[runs.measured()];
        long[] writes = new long[runs.measured()];
        int chunks = 0;
        long bytes = 0;
        for (int i = -runs.warmup(); i < runs.measured(); i++) {
            w.changeAll();
            clock.advance(Duration.ofSeconds(1));
            long m = System.nanoTime();
            expect(inMemory.sync(strategy), w.series(), w.series(), "in-memory sync");
            long t0 = System.nanoTime();
            MetricsSnapshot snapshot = w.registry().snapshot();
            long t1 = System.nanoTime();
            List<byte[]> encoded = new ArrayList<>();
            for (List<MetricFamilySnapshot> chunk : Chunking.split(snapshot.families(), options.batchSize())) {
                encoded.add(SnapshotCodec.encode(chunk));
            }
            long t2 = System.nanoTime();
            List<Map.Entry<String, Record>> entries = new ArrayList<>(encoded.size());
            for (int k = 0; k < encoded.size(); k++) {
                entries.add(Map.entry(scratch.chunk("parts", k), new Record(i + runs.warmup() + 1, encoded.get(k))));
            }
            long t3 = System.nanoTime();
            List<Boolean> applied = store.putAllIfNewer(entries, SyncOptions.DEFAULT_RETENTION);
            long t4 = System.nanoTime();
            if (applied.contains(false)) {
                throw new IllegalStateException(storeName + " refused a chunk write of the parts measurement");
            }
            if (i >= 0) {
                inMemories[i] = t0 - m;
                snapshots[i] = t1 - t0;
                encodes[i] = t2 - t1;
                writes[i] = t4 - t3;
            }
            chunks = encoded.size();
            bytes = encoded.stream().mapToLong(b -> b.length).sum();
        }
        return new SyncFigures(
                w.series(),
                sync,
                gc,
                Timing.of(inMemories),
                Timing.of(snapshots),
                Timing.of(encodes),
                Timing.of(writes),
                chunks,
                bytes);
    }

    /** Live instances of one namespace, each with its own registry, synced once. */
    final class Cluster {
        final SyncOptions options = options(namespace(), "reader");
        final ClusterReader reader = new ClusterReader(store, options, clock);
        final List<ClusterSync> live = new ArrayList<>();
        final int series;
        SyncWorkload.Totals expected = new SyncWorkload.Totals(0, 0);

        Cluster(int instances, int series) {
            this.series = series;
            for (int i = 0; i < instances; i++) {
                SyncWorkload w = new SyncWorkload(series, SyncWorkload.FAMILY_SIZE);
                w.changeAll();
                ClusterSync sync = instance("live-" + i, w);
                expect(sync.sync(strategy), series, series, "sync of live-" + i);
                expected = expected.plus(SyncWorkload.totals(w.registry().snapshot()), 1);
                live.add(sync);
            }
        }

        ClusterSync instance(String id, SyncWorkload w) {
            return new ClusterSync(store, withId(options, id), clock, w.registry()::snapshot);
        }
    }

    /** Reads the view of a cluster, checks it adds up to what the instances recorded, and times it. */
    ViewFigures view(String label, Cluster cluster, int expectedInstances, SyncWorkload.Totals expected, Runs runs) {
        ClusterReader reader = cluster.reader;
        long[] nanos = new long[runs.measured()];
        for (int i = -runs.warmup(); i < runs.measured(); i++) {
            long t = System.nanoTime();
            ClusterView view = reader.readView();
            long took = System.nanoTime() - t;
            check(view, expectedInstances, cluster.series, expected, label);
            if (i >= 0) {
                nanos[i] = took;
            }
        }
        return viewParts(label, cluster, expectedInstances, Timing.of(nanos), runs);
    }

    /** One multi-get of every chunk the view reads (live instances' and retired), then decoding them. */
    private ViewFigures viewParts(String label, Cluster cluster, int instances, Timing read, Runs runs) {
        List<String> keys = chunkKeys(cluster.options.keys());
        long[] fetches = new long[runs.measured()];
        long[] decodes = new long[runs.measured()];
        long bytes = 0;
        for (int i = -runs.warmup(); i < runs.measured(); i++) {
            long t0 = System.nanoTime();
            Map<String, Record> found = store.getAll(keys);
            long t1 = System.nanoTime();
            int points = 0;
            for (Record r : found.values()) {
                for (MetricFamilySnapshot f : SnapshotCodec.decode(r.data())) {
                    points += f.points().size();
                }
            }
            long t2 = System.nanoTime();
            if (found.size() != keys.size() || points == 0) {
                throw new IllegalStateException(label + ": fetched " + found.size() + " of " + keys.size() + " chunks");
            }
            if (i >= 0) {
                fetches[i] = t1 - t0;
                decodes[i] = t2 - t1;
            }
            bytes = found.values().stream().mapToLong(r -> r.data().length).sum();
        }
        return new ViewFigures(
                label, instances, cluster.series, read, Timing.of(fetches), Timing.of(decodes), keys.size(), bytes);
    }

    /**
     * {@code dead} more instances (all with the same series as the live ones, as replicas of one
     * service have) sync once and stop. Once they are past the instance timeout, the live
     * instances' housekeeping ({@code maintain}, which folds every stopped instance it finds) folds them into the retired totals;
     * then the view is read again. The first view is read before they came; the second while they
     * are stopped but not yet folded, when the reader still reads each of them.
     */
    DeadFigures dead(Cluster cluster, ViewFigures before, int dead, Runs runs, Runs unfoldedRuns) {
        SyncWorkload w = new SyncWorkload(cluster.series, SyncWorkload.FAMILY_SIZE);
        w.changeAll();
        // One registry behind all stopped instances: the store holds one copy per instance all the same.
        for (int j = 0; j < dead; j++) {
            expect(
                    cluster.instance(String.format("dead-%02d", j), w).sync(strategy),
                    cluster.series,
                    cluster.series,
                    "sync of dead-" + j);
        }
        SyncWorkload.Totals all =
                cluster.expected.plus(SyncWorkload.totals(w.registry().snapshot()), dead);
        ViewFigures unfolded = unfoldedRuns.measured() == 0
                ? null
                : view("live + stopped, not yet folded", cluster, cluster.live.size() + dead, all, unfoldedRuns);

        // The stopped ones are past the instance timeout, the live ones (synced in between) are not.
        Duration timeout = cluster.options.instanceTimeout();
        clock.advance(timeout.minusSeconds(30));
        for (ClusterSync live : cluster.live) {
            SyncResult r = live.sync(strategy);
            expect(r, cluster.series, -1, "re-sync of " + live.instanceId());
            if (r.retiredInstances() != 0) {
                throw new IllegalStateException("an instance was folded before the instance timeout: " + r);
            }
        }
        clock.advance(Duration.ofSeconds(60));
        List<Long> folds = new ArrayList<>();
        int folded = 0;
        for (int attempt = 0; folded < dead && attempt < 2 * dead; attempt++) {
            long t = System.nanoTime();
            SyncResult r = cluster.reader.maintenance().housekeep(strategy);
            long took = System.nanoTime() - t;
            if (!r.success()) {
                throw new IllegalStateException("maintain failed on " + storeName + ": " + r);
            }
            folded += r.retiredInstances();
            if (r.retiredInstances() > 0) {
                folds.add(took);
            }
        }
        if (folded != dead) {
            throw new IllegalStateException("folded " + folded + " of " + dead + " stopped instances on " + storeName);
        }
        ViewFigures after = view("live + folded", cluster, cluster.live.size(), all, runs);
        long generation = cluster.reader.readView().retiredGeneration();
        return new DeadFigures(
                dead,
                before,
                unfolded,
                after,
                Timing.of(folds.stream().mapToLong(Long::longValue).toArray()),
                generation);
    }

    /** The chunk keys the view reads: every live instance's (from its meta) and the retired ones. */
    private List<String> chunkKeys(KeyLayout keys) {
        List<String> chunks = new ArrayList<>();
        JsonNode instances = json(store.get(keys.instances()).orElseThrow().data());
        JsonNode retired = store.get(keys.retired()).map(r -> json(r.data())).orElse(null);
        for (JsonNode id : instances.get("ids")) {
            if (retired != null && retired.get("folded").has(id.asText())) {
                continue;
            }
            JsonNode meta = json(store.get(keys.meta(id.asText())).orElseThrow().data());
            for (int k = 0; k < meta.get("chunks").asInt(); k++) {
                chunks.add(keys.chunk(id.asText(), k));
            }
        }
        if (retired != null) {
            for (int k = 0; k < retired.get("chunks").asInt(); k++) {
                chunks.add(keys.retiredChunk(retired.get("generation").asLong(), k));
            }
        }
        return chunks;
    }

    private void check(ClusterView view, int instances, int series, SyncWorkload.Totals expected, String label) {
        SyncWorkload.Totals got = SyncWorkload.totals(view.snapshot());
        boolean sums = Math.abs(got.counterSum() - expected.counterSum()) <= 1e-9 * expected.counterSum()
                && got.histogramCount() == expected.histogramCount();
        if (view.instances().size() != instances
                || view.snapshot().seriesCount() != series
                || !sums
                || !view.problems().isEmpty()) {
            throw new IllegalStateException(storeName + ", " + label + ": the view has "
                    + view.instances().size()
                    + " instances (expected " + instances + "), "
                    + view.snapshot().seriesCount() + " series (expected "
                    + series + "), sums " + got + " (expected " + expected + "), problems " + view.problems());
        }
    }

    private void expect(SyncResult r, int series, int changed, String what) {
        if (!r.success() || r.seriesSynced() != series || (changed >= 0 && r.seriesChanged() != changed)) {
            throw new IllegalStateException(storeName + ", " + what + ": expected " + series + " series synced and "
                    + (changed < 0 ? "any" : changed) + " changed, got " + r);
        }
    }

    /** The defaults of the design document (batches of 1,000, 5 minutes' retention) in a namespace of its own. */
    static SyncOptions options(String namespace, String instanceId) {
        return SyncOptions.defaults(instanceId).withNamespace(namespace);
    }

    private static SyncOptions withId(SyncOptions o, String id) {
        return new SyncOptions(
                o.namespace(), id, o.batchSize(), o.retentionWindow(), o.instanceTimeout(), o.includeInstanceLabels());
    }

    /** Pause time of every garbage collector so far. */
    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime)
                .filter(t -> t > 0)
                .sum();
    }

    private static String namespace() {
        return "bench" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static JsonNode json(byte[] data) {
        try {
            return JSON.readTree(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
