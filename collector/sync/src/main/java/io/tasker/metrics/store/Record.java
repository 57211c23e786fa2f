package io.tasker.metrics.store;

import java.util.Arrays;
import java.util.Objects;

/**
 * A stored value with its version. Versions are chosen by the writer (a sync sequence number,
 * or the previous version plus one for compare-and-set), so that a store can refuse a write that
 * is older than what it holds: a retried write then never undoes a newer one.
 *
 * @param version the writer's version, at least 0
 * @param data the bytes, owned by the record: do not change them
 */
public record Record(long version, byte[] data) {
    /**
     * Checks the version and the data.
     *
     * @param version the writer's version, at least 0
     * @param data the bytes, not null; not copied
     * @throws IllegalArgumentException for a negative version
     */
    public Record {
        if (version < 0) {
            throw new IllegalArgumentException("A record's version must be >= 0, got " + version);
        }
        Objects.requireNonNull(data, "data");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Record r && r.version == version && Arrays.equals(r.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * Long.hashCode(version) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Record[version=" + version + ", " + data.length + " bytes]";
    }
}
