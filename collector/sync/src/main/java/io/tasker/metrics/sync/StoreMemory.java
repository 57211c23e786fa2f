package io.tasker.metrics.sync;

import io.tasker.metrics.Clock;
import io.tasker.metrics.snapshot.MetricFamilySnapshot;
import io.tasker.metrics.store.CacheStore;
import io.tasker.metrics.store.KeyLayout;
import io.tasker.metrics.store.Record;
import io.tasker.metrics.sync.StateRecords.Epoch;
import io.tasker.metrics.sync.StateRecords.Retired;
import io.tasker.metrics.sync.internal.Chunking;
import io.tasker.metrics.sync.internal.SnapshotCodec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one process remembers of the store, so that it can tell when the store lost its data
 * (a flush, an eviction, a restart without persistence) and give back what only it still has.
 *
 * <ul>
 *   <li>The <b>epoch</b> ({@code {ns}:epoch}): made, if absent, with set-if-absent by whoever
 *       reads the store first; marked {@code afterLoss} when the one who makes it, or any who
 *       reads it, had known an earlier epoch, with the instances each of them had last seen live
 *       added to it. Readers then know the view may lack instances that have not written their
 *       state again yet, and exporters wait until every one of those has (or for the instance
 *       timeout at most).</li>
 *   <li>The <b>retired totals</b>: a copy of the last generation read. When the store has none
 *       (or only an older restored copy), the copy is written back under its own generation and
 *       the retired record is set by compare-and-set on "absent" (or on the version seen), so that
 *       of all the processes holding a copy one restores it, once.</li>
 * </ul>
 */
final class StoreMemory {
    private static final Logger LOG = LoggerFactory.getLogger(StoreMemory.class);
    private static final int MARK_ATTEMPTS = 5;

    private final CacheStore store;
    private final KeyLayout keys;
    private final Clock clock;
    private final int batchSize;
    private String epochToken;
    private Retired copy;
    private List<MetricFamilySnapshot> copyFamilies = List.of();
    private List<String> knownLive = List.of();

    StoreMemory(CacheStore store, KeyLayout keys, Clock clock, int batchSize) {
        this.store = store;
        this.keys = keys;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    /**
     * The store's epoch as of this head, made when absent. A change from the one remembered is a
     * loss: it is logged, and the epoch is marked as begun after a loss, expecting the instances
     * this process last saw live to write their state again.
     */
    synchronized Epoch epoch(StoreReader.Head head) {
        Epoch e = head.epoch();
        long version = head.epochVersion();
        boolean knewOne = epochToken != null;
        if (e == null) {
            Epoch fresh = new Epoch(UUID.randomUUID().toString(), clock.wallTimeMillis(), knewOne, knownLive);
            if (store.add(keys.epoch(), new Record(0, StateRecords.write(fresh)), Retirement.FOLDED_RECORD_TTL)) {
                e = fresh;
                version = 0;
            } else {
                Optional<Record> current = store.get(keys.epoch());
                e = current.map(r -> StateRecords.read(r.data(), Epoch.class)).orElse(fresh);
                version = current.map(Record::version).orElse(-1L);
            }
        }
        if (knewOne && !epochToken.equals(e.token())) {
            e = markLoss(e, version);
            LOG.warn(
                    "{} lost its data (a new epoch began at {}): the instances write their state again, and the "
                            + "retired totals are written back from a copy where one is held",
                    store.description(),
                    Instant.ofEpochMilli(e.startedMillis()));
        }
        epochToken = e.token();
        return e;
    }

    /**
     * Marks the epoch as begun after a loss and adds the instances this process saw live before
     * it, by compare-and-set; another process marking it at the same time makes it read again.
     */
    private Epoch markLoss(Epoch seen, long seenVersion) {
        Epoch e = seen;
        long version = seenVersion;
        for (int attempt = 0; attempt < MARK_ATTEMPTS; attempt++) {
            Epoch marked = e.afterLossOf(knownLive);
            if (marked.equals(e) || version < 0) {
                return marked;
            }
            if (store.compareAndSet(
                    keys.epoch(),
                    version,
                    new Record(version + 1, StateRecords.write(marked)),
                    Retirement.FOLDED_RECORD_TTL)) {
                return marked;
            }
            Optional<Record> current = store.get(keys.epoch());
            if (current.isEmpty()) {
                return marked;
            }
            Epoch read = StateRecords.read(current.get().data(), Epoch.class);
            if (!read.token().equals(seen.token())) {
                return read; // Lost again meanwhile; the next read notices.
            }
            e = read;
            version = current.get().version();
        }
        return e;
    }

    /**
     * The instances this process sees live now, in the current epoch: those it will expect to
     * write again should the store lose its data.
     */
    synchronized void seen(Collection<String> liveIds) {
        knownLive = List.copyOf(liveIds);
    }

    /** Whether the copy is of this generation already. */
    synchronized boolean knows(long generation) {
        return copy != null && copy.generation() == generation;
    }

    /** Keeps the retired totals read at this head, when complete and at least as new as the copy. */
    synchronized void remember(StoreReader.Head head, List<MetricFamilySnapshot> families, boolean complete) {
        if (complete
                && head.retiredVersion() >= 0
                && (copy == null || head.retired().generation() >= copy.generation())) {
            copy = head.retired();
            copyFamilies = List.copyOf(families);
        }
    }

    /** The retired totals as last read, with their families. */
    record Copy(Retired retired, List<MetricFamilySnapshot> families) {}

    /**
     * The remembered retired totals when the store lost them (or holds only an older restored
     * copy): what a reader counts until a writer writes them back.
     */
    synchronized Optional<Copy> copyIfLost(StoreReader.Head head) {
        return lost(head) ? Optional.of(new Copy(copy, copyFamilies)) : Optional.empty();
    }

    private boolean lost(StoreReader.Head head) {
        if (copy == null || copyFamilies.isEmpty()) {
            return false;
        }
        boolean absent = head.retiredVersion() < 0;
        boolean olderCopy = head.retired().restored() && head.retired().generation() < copy.generation();
        return absent || olderCopy;
    }

    /** Writes the remembered retired totals back when the store lost them; true when this process did. */
    synchronized boolean restoreIfLost(StoreReader.Head head) {
        if (!lost(head)) {
            return false;
        }
        List<List<MetricFamilySnapshot>> chunks = Chunking.split(copyFamilies, batchSize);
        List<Map.Entry<String, Record>> entries = new ArrayList<>();
        for (int k = 0; k < chunks.size(); k++) {
            entries.add(Map.entry(
                    keys.retiredChunk(copy.generation(), k),
                    new Record(copy.generation(), SnapshotCodec.encode(chunks.get(k)))));
        }
        store.putAllIfNewer(entries, Retirement.FOLDED_RECORD_TTL);
        Retired restored = copy.restoredCopy(chunks.size());
        long version = head.retiredVersion() + 1;
        boolean won = store.compareAndSet(
                keys.retired(),
                head.retiredVersion(),
                new Record(Math.max(0, version), StateRecords.write(restored)),
                Retirement.FOLDED_RECORD_TTL);
        if (won) {
            LOG.warn(
                    "Restored the retired totals of generation {} ({} families) to {}, which had lost them",
                    copy.generation(),
                    copyFamilies.size(),
                    store.description());
        }
        return won;
    }
}
