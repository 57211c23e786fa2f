package io.tasker.metrics.sync;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** The small JSON records of the key layout, readable with redis-cli or a memcached get. */
final class StateRecords {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private StateRecords() {
    }

    /** The instances that sync into this namespace. */
    record Instances(List<String> ids) {
        Instances {
            ids = List.copyOf(new TreeSet<>(ids == null ? List.of() : ids));
        }

        Instances with(String id) {
            List<String> more = new java.util.ArrayList<>(ids);
            more.add(id);
            return new Instances(more);
        }

        Instances without(String id) {
            return new Instances(ids.stream().filter(i -> !i.equals(id)).toList());
        }
    }

    /** An instance's last sync: which chunks hold its series. */
    record InstanceMeta(String id, long sequence, long lastSyncMillis, int chunks) {
    }

    /**
     * The state of stopped instances, added up. {@code folded} maps each instance already added
     * to when that was done, so that no instance is ever added twice.
     */
    record Retired(long generation, int chunks, Map<String, Long> folded, boolean restored) {
        static final Retired EMPTY = new Retired(0, 0, Map.of());

        Retired {
            folded = Map.copyOf(new TreeMap<>(folded == null ? Map.of() : folded));
        }

        /** Written by a fold: not a restored copy. */
        Retired(long generation, int chunks, Map<String, Long> folded) {
            this(generation, chunks, folded, false);
        }
    }

    /**
     * One life of the store's data. {@code afterLoss}: begun by a process that had known an
     * earlier epoch, so the data before it was lost and the instances are still writing theirs
     * again.
     */
    record Epoch(String token, long startedMillis, boolean afterLoss) {
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
