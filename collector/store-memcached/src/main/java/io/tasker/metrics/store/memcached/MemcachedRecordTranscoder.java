package io.tasker.metrics.store.memcached;

import io.tasker.metrics.store.Record;
import java.nio.ByteBuffer;
import java.util.Arrays;
import net.rubyeye.xmemcached.transcoders.CachedData;
import net.rubyeye.xmemcached.transcoders.CompressionMode;
import net.rubyeye.xmemcached.transcoders.Transcoder;

/**
 * Stores a {@link Record} as {@code [8-byte big-endian version][data]}, raw: no Java
 * serialization, no compression. Records carry their own item flags, so that a value this store
 * did not write as a record (a counter from {@code incr}, another application's value) reads as
 * "no record" instead of being misread as one.
 *
 * <p>{@code client.gets(key, timeoutMillis, MemcachedRecordTranscoder.INSTANCE)}
 */
final class MemcachedRecordTranscoder implements Transcoder<Record> {

    static final MemcachedRecordTranscoder INSTANCE = new MemcachedRecordTranscoder();

    /** "TM" and format 1 in the item's 32-bit flags. */
    static final int RECORD_FLAGS = 0x544D_0001;

    static final int VERSION_BYTES = Long.BYTES;

    private MemcachedRecordTranscoder() {}

    /** The size of the stored value, which memcached's item size limit applies to. */
    static int encodedSize(Record record) {
        return VERSION_BYTES + record.data().length;
    }

    @Override
    public CachedData encode(Record record) {
        byte[] bytes = ByteBuffer.allocate(encodedSize(record))
                .putLong(record.version())
                .put(record.data())
                .array();
        // The capacity argument is xmemcached's own size check: set to the value's size it never
        // fires, so the server's item size limit (-I) is the only one, and its refusal is reported.
        return new CachedData(RECORD_FLAGS, bytes, bytes.length, -1);
    }

    /** The record, or null when the item was not written as a record. */
    @Override
    public Record decode(CachedData item) {
        byte[] bytes = item.getData();
        if (item.getFlag() != RECORD_FLAGS || bytes == null || bytes.length < VERSION_BYTES) {
            return null;
        }
        long version = ByteBuffer.wrap(bytes).getLong();
        return version < 0 ? null : new Record(version, Arrays.copyOfRange(bytes, VERSION_BYTES, bytes.length));
    }

    // The rest configures features this transcoder does not have (compression, primitives as text).

    @Override
    public void setPrimitiveAsString(boolean primitiveAsString) {}

    @Override
    public void setPackZeros(boolean packZeros) {}

    @Override
    public void setCompressionThreshold(int threshold) {}

    @Override
    public boolean isPrimitiveAsString() {
        return false;
    }

    @Override
    public boolean isPackZeros() {
        return false;
    }

    @Override
    public void setCompressionMode(CompressionMode mode) {}
}
