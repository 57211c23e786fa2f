package io.tasker.metrics.store.file;

import io.tasker.metrics.store.MemoryStore;
import io.tasker.metrics.store.Record;

/**
 * What one file of a {@link FileStore} holds: a record, or a counter that {@link FileStore#increment}
 * keeps (its value in {@code version}, no data), with its expiry.
 *
 * <p>{@code FileEntry entry = FileEntry.record("tasker:instance:a:0", record, expiresAtMillis);}
 *
 * @param data owned by the entry: do not change it
 */
record FileEntry(String key, Kind kind, long version, long expiresAtMillis, byte[] data) {

    private static final byte[] NO_DATA = new byte[0];

    enum Kind {
        RECORD,
        COUNTER
    }

    static FileEntry record(String key, Record record, long expiresAtMillis) {
        return new FileEntry(key, Kind.RECORD, record.version(), expiresAtMillis, record.data());
    }

    static FileEntry counter(String key, long value, long expiresAtMillis) {
        return new FileEntry(key, Kind.COUNTER, value, expiresAtMillis, NO_DATA);
    }

    /** The record, or null for a counter, which holds none. */
    Record toRecord() {
        return kind == Kind.RECORD ? new Record(version, data) : null;
    }

    /** The counter's value; a record counts as 0, as in {@link MemoryStore}. */
    long counterValue() {
        return kind == Kind.COUNTER ? version : 0;
    }

    FileEntry withExpiry(long newExpiresAtMillis) {
        return new FileEntry(key, kind, version, newExpiresAtMillis, data);
    }
}
