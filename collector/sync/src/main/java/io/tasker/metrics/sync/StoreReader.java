package io.tasker.metrics.sync;

import io.tasker.metrics.snapshot.MetricFamilySnapshot;
import io.tasker.metrics.store.CacheStore;
import io.tasker.metrics.store.KeyLayout;
import io.tasker.metrics.store.Record;
import io.tasker.metrics.sync.StateRecords.InstanceMeta;
import io.tasker.metrics.sync.StateRecords.Instances;
import io.tasker.metrics.sync.StateRecords.Retired;
import io.tasker.metrics.sync.internal.DecodedChunk;
import io.tasker.metrics.sync.internal.SnapshotCodec;
import io.tasker.metrics.sync.internal.ViewMerger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the key layout back: the instance list, the retired totals, each live instance's meta
 * and chunks. Anything that cannot be decoded is left out and described in {@link #problems()},
 * never thrown, so one corrupt value cannot hide the rest of the cluster.
 */
final class StoreReader {
    /**
     * Chunk keys per round trip of a view read: about 20 MB of chunks at the default batch size
     * of 1,000 series, a few round trips for hundreds of instances.
     */
    static final int READ_BATCH_KEYS = 256;

    private final CacheStore store;
    private final KeyLayout keys;
    private final List<String> problems = new ArrayList<>();

    StoreReader(CacheStore store, KeyLayout keys) {
        this.store = store;
        this.keys = keys;
    }

    /**
     * The instance list, the retired record and the epoch (null when none), in one round trip;
     * {@code own}: the meta under the id the reading instance writes under, or null.
     */
    record Head(
            Instances instances,
            Retired retired,
            long retiredVersion,
            StateRecords.Epoch epoch,
            long epochVersion,
            InstanceMeta own) {
        /** The listed instances not yet folded into the retired totals. */
        List<String> liveIds() {
            return instances.ids().stream()
                    .filter(id -> !retired.folded().containsKey(id))
                    .toList();
        }
    }

    Head head() {
        return head(null);
    }

    /** The head, with the meta under {@code ownId} read in the same round trip (none when null). */
    Head head(String ownId) {
        List<String> wanted = new ArrayList<>(List.of(keys.instances(), keys.retired(), keys.epoch()));
        if (ownId != null) {
            wanted.add(keys.meta(ownId));
        }
        Map<String, Record> found = store.getAll(wanted);
        Instances instances = decode(found.get(keys.instances()), Instances.class, new Instances(List.of()));
        Record r = found.get(keys.retired());
        Retired retired = decode(r, Retired.class, Retired.EMPTY);
        Record e = found.get(keys.epoch());
        InstanceMeta own = ownId == null ? null : decode(found.get(keys.meta(ownId)), InstanceMeta.class, null);
        return new Head(
                instances,
                retired,
                r == null ? -1 : r.version(),
                decode(e, StateRecords.Epoch.class, null),
                e == null ? -1 : e.version(),
                own);
    }

    /** The metas of these instances; an instance whose meta has expired is absent. */
    Map<String, InstanceMeta> metas(List<String> ids) {
        List<String> metaKeys = ids.stream().map(keys::meta).toList();
        Map<String, Record> found = store.getAll(metaKeys);
        Map<String, InstanceMeta> metas = new LinkedHashMap<>();
        for (String id : ids) {
            InstanceMeta m = decode(found.get(keys.meta(id)), InstanceMeta.class, null);
            if (m != null) {
                metas.put(id, m);
            }
        }
        return metas;
    }

    /** Each instance's families, read in one round trip. */
    Map<String, List<MetricFamilySnapshot>> instanceFamilies(Map<String, InstanceMeta> metas) {
        List<String> chunkKeys = new ArrayList<>();
        metas.forEach((id, m) -> {
            for (int k = 0; k < m.chunks(); k++) {
                chunkKeys.add(keys.chunk(id, k));
            }
        });
        Map<String, Record> found = store.getAll(chunkKeys);
        Map<String, List<MetricFamilySnapshot>> result = new LinkedHashMap<>();
        metas.forEach((id, m) -> {
            List<MetricFamilySnapshot> families = new ArrayList<>();
            for (int k = 0; k < m.chunks(); k++) {
                families.addAll(chunk(keys.chunk(id, k), found.get(keys.chunk(id, k))));
            }
            result.put(id, families);
        });
        return result;
    }

    /**
     * Adds each instance's chunks to the merger as they are decoded, keeping none of them: the
     * chunks are read a batch of instances at a time (all the chunks of one instance in the same
     * batch, as one sync wrote them), so that the bytes held at once stay bounded whatever the
     * cluster's size, and each chunk is decoded into the same reused columns.
     */
    void mergeInstances(Map<String, InstanceMeta> metas, ViewMerger merger) {
        DecodedChunk decoded = new DecodedChunk();
        List<String> batch = new ArrayList<>();
        Map<String, String> owners = new LinkedHashMap<>();
        for (Map.Entry<String, InstanceMeta> e : metas.entrySet()) {
            for (int k = 0; k < e.getValue().chunks(); k++) {
                batch.add(keys.chunk(e.getKey(), k));
                owners.put(keys.chunk(e.getKey(), k), e.getKey());
            }
            if (batch.size() >= READ_BATCH_KEYS) {
                mergeBatch(batch, owners, merger, decoded);
                batch.clear();
                owners.clear();
            }
        }
        mergeBatch(batch, owners, merger, decoded);
    }

    private void mergeBatch(List<String> batch, Map<String, String> owners, ViewMerger merger, DecodedChunk decoded) {
        if (batch.isEmpty()) {
            return;
        }
        Map<String, Record> found = store.getAll(batch);
        for (String key : batch) {
            Record r = found.get(key);
            if (r != null && decode(key, r, decoded)) {
                merger.add(owners.get(key), decoded);
            }
        }
    }

    private boolean decode(String key, Record r, DecodedChunk into) {
        try {
            into.read(r.data());
            return true;
        } catch (IllegalArgumentException e) {
            problems.add(key + " cannot be read and was left out: " + e.getMessage());
            return false;
        }
    }

    /** The retired totals of a generation. */
    List<MetricFamilySnapshot> retiredFamilies(Retired retired) {
        List<String> chunkKeys = new ArrayList<>();
        for (int k = 0; k < retired.chunks(); k++) {
            chunkKeys.add(keys.retiredChunk(retired.generation(), k));
        }
        Map<String, Record> found = store.getAll(chunkKeys);
        List<MetricFamilySnapshot> families = new ArrayList<>();
        for (String key : chunkKeys) {
            Record r = found.get(key);
            if (r == null) {
                problems.add(key + " is missing: the retired totals of generation " + retired.generation()
                        + " are incomplete (expired or evicted)");
            } else {
                families.addAll(chunk(key, r));
            }
        }
        return families;
    }

    List<MetricFamilySnapshot> chunk(String key, Record r) {
        if (r == null) {
            return List.of();
        }
        try {
            return SnapshotCodec.decode(r.data());
        } catch (IllegalArgumentException e) {
            problems.add(key + " cannot be read and was left out: " + e.getMessage());
            return List.of();
        }
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    private <T> T decode(Record r, Class<T> type, T absent) {
        if (r == null) {
            return absent;
        }
        try {
            return StateRecords.read(r.data(), type);
        } catch (IllegalArgumentException e) {
            problems.add("a " + type.getSimpleName() + " record cannot be read and was ignored: " + e.getMessage());
            return absent;
        }
    }
}
