package io.tasker.metrics.sync;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** The small JSON records of the key layout, readable with redis-cli or a memcached get. */
final class StateRecords {
    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private StateRecords() {}

    /** The instances that sync into this namespace. */
    record Instances(List<String> ids) {
        Instances {
            ids = List.copyOf(new TreeSet<>(ids == null ? List.of() : ids));
        }

        Instances with(String id) {
            List<String> more = new ArrayList<>(ids);
            more.add(id);
            return new Instances(more);
        }

        Instances without(String id) {
            return new Instances(ids.stream().filter(i -> !i.equals(id)).toList());
        }
    }

    /**
     * An instance's last sync: which chunks hold its series, and what they are.
     *
     * @param run the random id of the process (the {@link ClusterSync}) that wrote them: a
     *     process restarted under the same instance id has another run, so nobody takes the
     *     earlier process's state for its own (null: written by a version that named none)
     * @param base the folded states of this run that the chunks are net of (empty: they are the
     *     whole cumulative state); a delta is only ever taken against a state the retired totals hold
     * @param epoch the token of the store's epoch the chunks were written under, so that readers can
     *     tell when every instance has written its state again after the store lost its data
     * @param origin where and when the writing process started, as it says itself (null: written by
     *     a version that named none)
     * @param stoppedMillis when the process stopped: written by a graceful stop's final sync, null
     *     while it runs
     */
    record InstanceMeta(
            String id,
            long sequence,
            long lastSyncMillis,
            int chunks,
            String run,
            List<FoldedState> base,
            String epoch,
            Origin origin,
            Long stoppedMillis) {
        InstanceMeta {
            base = base == null ? List.of() : List.copyOf(base);
        }

        /** Whether this run wrote it; a meta that names no run was written by no run of ours. */
        boolean writtenBy(String runId) {
            return run != null && run.equals(runId);
        }
    }

    /**
     * Where and when a process started, recorded by the process itself: a host cannot be told
     * from an instance id ({@code web-1} and {@code web-2} are two hosts, not host {@code web}).
     *
     * @param host the host name the process runs on
     * @param pid its process id
     * @param startedMillis when it started
     */
    record Origin(String host, long pid, long startedMillis) {}

    /**
     * What the directory keeps of a folded instance, from its last meta record: when it last
     * synced, whether it stopped (and when), and its origin.
     */
    record Departure(long lastSyncMillis, Long stoppedMillis, Origin origin) {
        static Departure of(InstanceMeta meta) {
            return new Departure(meta.lastSyncMillis(), meta.stoppedMillis(), meta.origin());
        }
    }

    /** One run's state under one id, as it was folded into the retired totals. */
    record FoldedState(String id, String run) {
        @Override
        public String toString() {
            return id + "@" + run;
        }
    }

    /**
     * The state of stopped instances, added up. {@code folded} maps each instance already added
     * to when that was done, so that no instance is ever added twice; {@code runs} maps it to
     * the run whose state was folded, so that a process restarted under that id can tell the
     * folded state is not its own (an id missing there was folded by a version that named none);
     * {@code departures} keeps its last sync, stop and origin for the pages that list instances.
     */
    record Retired(
            long generation,
            int chunks,
            Map<String, Long> folded,
            boolean restored,
            Map<String, String> runs,
            Map<String, Departure> departures) {
        static final Retired EMPTY = new Retired(0, 0, Map.of(), false, Map.of(), Map.of());

        Retired {
            folded = Map.copyOf(new TreeMap<>(folded == null ? Map.of() : folded));
            runs = Map.copyOf(new TreeMap<>(runs == null ? Map.of() : runs));
            departures = Map.copyOf(new TreeMap<>(departures == null ? Map.of() : departures));
        }

        /** Whether the retired totals hold this run's state under this id. */
        boolean holds(FoldedState state) {
            String run = runs.get(state.id());
            return folded.containsKey(state.id()) && (run == null || run.equals(state.run()));
        }

        /** The same totals, as a copy written back after the store lost them. */
        Retired restoredCopy(int chunkCount) {
            return new Retired(generation, chunkCount, folded, true, runs, departures);
        }
    }

    /**
     * One life of the store's data. {@code afterLoss}: begun by a process that had known an
     * earlier epoch, so the data before it was lost and the instances are still writing theirs
     * again. {@code expected}: the instances that the processes which noticed the loss had seen
     * live before it; the view is whole again once each has written under this epoch (or was folded).
     */
    record Epoch(String token, long startedMillis, boolean afterLoss, List<String> expected) {
        Epoch {
            expected = List.copyOf(new TreeSet<>(expected == null ? List.of() : expected));
        }

        /** Marked as begun after a loss, expecting these instances (live before it) to write again too. */
        Epoch afterLossOf(Collection<String> alsoExpected) {
            TreeSet<String> all = new TreeSet<>(expected);
            all.addAll(alsoExpected);
            return new Epoch(token, startedMillis, true, List.copyOf(all));
        }
    }

    static byte[] write(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot encode " + value, e);
        }
    }

    /** @throws IllegalArgumentException when the bytes are not such a record */
    static <T> T read(byte[] data, Class<T> type) {
        try {
            return JSON.readValue(data, type);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a " + type.getSimpleName() + " record: " + e.getMessage(), e);
        }
    }
}
