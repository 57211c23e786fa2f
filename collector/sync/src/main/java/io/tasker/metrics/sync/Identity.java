package io.tasker.metrics.sync;

import io.tasker.metrics.snapshot.MetricFamilySnapshot;
import io.tasker.metrics.store.CacheStore;
import io.tasker.metrics.store.KeyLayout;
import io.tasker.metrics.store.Record;
import io.tasker.metrics.sync.StateRecords.FoldedState;
import io.tasker.metrics.sync.StateRecords.InstanceMeta;
import io.tasker.metrics.sync.StateRecords.Retired;
import io.tasker.metrics.sync.internal.ViewMerger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who a {@link ClusterSync} writes as, and what its writes are net of.
 *
 * <p>Every {@code ClusterSync} is one <b>run</b>, with a random run id that it writes into its
 * meta record and that a fold records beside the instance id. The instance id may be fixed (a
 * StatefulSet's pod name, a systemd unit), so a process restarted under it meets state that an
 * earlier run left under that id: chunks still live, or already folded into the retired totals.
 * None of that is this run's, so it goes on under a fresh id ({@code web-2~1}) and writes its
 * whole state; the earlier run's state stays counted once, as a live instance until the timed
 * fold, or in the retired totals.
 *
 * <p>Only when the retired totals hold a state that <em>this</em> run wrote (it was paused past
 * the instance timeout and taken for stopped) does it write net of that state, its
 * <b>base</b>, named in its meta. A base that the retired totals no longer hold (the store lost
 * them and no copy came back) is dropped, and the whole state written again: no delta is ever
 * taken against a state the store does not hold.
 */
final class Identity {
    private static final Logger LOG = LoggerFactory.getLogger(Identity.class);
    /** Fresh ids looked at per round trip. */
    private static final int CANDIDATES = 8;

    private final CacheStore store;
    private final KeyLayout keys;
    private final String baseId;
    private final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    private final Set<String> written = new HashSet<>();
    private final List<Base> bases = new ArrayList<>();
    private String id;
    private int incarnation;
    private String adoptedRun;
    private Baseline baseline;

    /** A folded state of this run and what it held. */
    private record Base(FoldedState state, List<MetricFamilySnapshot> families) {}

    Identity(CacheStore store, KeyLayout keys, String baseId) {
        this.store = store;
        this.keys = keys;
        this.baseId = baseId;
        this.id = baseId;
    }

    String id() {
        return id;
    }

    String run() {
        return run;
    }

    /** The folded states the writes are net of, for the meta record. */
    List<FoldedState> bases() {
        return bases.stream().map(Base::state).toList();
    }

    /** This run has written (or tried to) under its current id. */
    void wrote() {
        written.add(id);
    }

    /**
     * The registry was restored from what an earlier run synced under this id (a single instance
     * on a persistent store): that state is this run's now, to overwrite.
     */
    void adopt(InstanceMeta meta) {
        adoptedRun = meta.run();
    }

    /** Whether this run (or the one it adopted) wrote that meta. */
    boolean owns(InstanceMeta meta) {
        return meta.writtenBy(run) || (adoptedRun != null && meta.writtenBy(adoptedRun));
    }

    /**
     * Makes the id and the base fit what the store holds; true when the id changed. {@code
     * distributed}: other runs may write into this store, so a meta under our id that another
     * run wrote is not ours to overwrite.
     */
    boolean settle(
            StoreReader reader,
            StoreReader.Head head,
            boolean distributed,
            Supplier<List<MetricFamilySnapshot>> registry) {
        dropBasesNotHeld(head.retired());
        Retired retired = head.retired();
        if (retired.folded().containsKey(id)) {
            boolean ours = foldedOurs(retired);
            if (ours) {
                takeFoldedAsBase(reader, registry);
            }
            String was = id;
            moveOn(reader, retired);
            if (ours) {
                LOG.warn(
                        "Instance {} had been taken for stopped (no sync for over the instance timeout); it goes on "
                                + "as {}, writing what it recorded beyond the folded state",
                        was,
                        id);
            } else {
                LOG.warn(
                        "Instance id {} was folded into the retired totals with the state of an earlier process; this "
                                + "one (run {}) goes on as {}, writing its whole state",
                        was,
                        run,
                        id);
            }
            return true;
        }
        if (distributed && head.own() != null && !owns(head.own())) {
            String was = id;
            moveOn(reader, retired);
            LOG.warn(
                    "Instance id {} holds the state of another process (run {}, last sync {}): it stays counted until "
                            + "it is folded in; this one (run {}) goes on as {}",
                    was,
                    head.own().run(),
                    Instant.ofEpochMilli(head.own().lastSyncMillis()),
                    run,
                    id);
            return true;
        }
        return false;
    }

    /**
     * This run's state just folded into the retired totals by itself (a recovery): it goes on
     * under a fresh id, net of that state.
     */
    void continueAfterOwnFold(StoreReader reader, Retired retired, List<MetricFamilySnapshot> folded) {
        addBase(new FoldedState(id, run), folded);
        moveOn(reader, retired);
    }

    /** The families to write: the registry's, net of the base. */
    List<MetricFamilySnapshot> net(List<MetricFamilySnapshot> families) {
        if (baseline == null) {
            return families;
        }
        try {
            return baseline.subtractFrom(families);
        } catch (IllegalArgumentException e) {
            // Cannot happen for a base of this run's own (its counts only grow); should it, counting the
            // base twice is bounded and visible, a sync failing for ever is neither.
            LOG.error(
                    "The folded state {} is not an earlier state of this registry ({}); writing the whole state "
                            + "under {} instead",
                    bases(),
                    e.getMessage(),
                    id);
            bases.clear();
            baseline = null;
            return families;
        }
    }

    private boolean foldedOurs(Retired retired) {
        String foldedRun = retired.runs().get(id);
        // A fold by a version that recorded no run: ours only if this run ever wrote under the id.
        return foldedRun != null ? foldedRun.equals(run) : written.contains(id);
    }

    private void takeFoldedAsBase(StoreReader reader, Supplier<List<MetricFamilySnapshot>> registry) {
        Optional<Record> folded = store.get(keys.folded(id));
        List<MetricFamilySnapshot> state = folded.map(r -> reader.chunk("folded state of " + id, r))
                .orElseGet(() -> {
                    LOG.error(
                            "Instance {} was folded into the retired totals, but the record of what was folded "
                                    + "is gone; counts recorded since cannot be told apart and are dropped",
                            id);
                    return net(registry.get());
                });
        addBase(new FoldedState(id, run), state);
    }

    private void addBase(FoldedState state, List<MetricFamilySnapshot> families) {
        bases.add(new Base(state, List.copyOf(families)));
        rebuildBaseline();
    }

    private void dropBasesNotHeld(Retired retired) {
        List<Base> lost = bases.stream().filter(b -> !retired.holds(b.state())).toList();
        if (lost.isEmpty()) {
            return;
        }
        LOG.warn(
                "The retired totals no longer hold {} (the store lost them, and no copy came back): {} writes "
                        + "those counts again",
                lost.stream().map(Base::state).toList(),
                id);
        bases.removeAll(lost);
        rebuildBaseline();
    }

    private void rebuildBaseline() {
        if (bases.isEmpty()) {
            baseline = null;
            return;
        }
        ViewMerger merger = new ViewMerger(false);
        bases.forEach(b -> merger.add(b.state().toString(), b.families()));
        baseline = new Baseline(merger.result());
    }

    /**
     * Goes on under the first id of the form {@code base~N}, N above the last one used, that is
     * neither folded nor holding another run's meta.
     */
    private void moveOn(StoreReader reader, Retired retired) {
        for (int from = incarnation + 1; ; from += CANDIDATES) {
            List<String> ids = IntStream.range(from, from + CANDIDATES)
                    .mapToObj(n -> baseId + "~" + n)
                    .toList();
            Map<String, InstanceMeta> metas = reader.metas(ids);
            for (int k = 0; k < ids.size(); k++) {
                String candidate = ids.get(k);
                InstanceMeta meta = metas.get(candidate);
                if (!retired.folded().containsKey(candidate) && (meta == null || owns(meta))) {
                    incarnation = from + k;
                    id = candidate;
                    return;
                }
            }
        }
    }
}
