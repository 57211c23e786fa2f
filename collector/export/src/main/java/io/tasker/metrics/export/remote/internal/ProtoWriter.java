package io.tasker.metrics.export.remote.internal;

import java.util.Arrays;

/**
 * The few protobuf wire primitives that remote write and OTLP need, into a growable byte array.
 *
 * <p>Every field number used here is below 16, so every tag is one byte. Nested messages are
 * written with their exact size computed up front, so nothing is encoded twice or copied.
 */
public final class ProtoWriter {
    public static final int VARINT = 0;
    public static final int FIXED64 = 1;
    public static final int LENGTH_DELIMITED = 2;

    private byte[] buffer;
    private int size;

    public ProtoWriter(int initialCapacity) {
        buffer = new byte[Math.max(64, initialCapacity)];
    }

    public void tag(int field, int wireType) {
        ensure(1);
        buffer[size++] = (byte) (field << 3 | wireType);
    }

    /** An unsigned varint; a negative int64 takes ten bytes, as protobuf writes it. */
    public void varint(long value) {
        ensure(10);
        long v = value;
        while ((v & ~0x7FL) != 0) {
            buffer[size++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buffer[size++] = (byte) v;
    }

    public void fixed64(long value) {
        ensure(8);
        for (int i = 0; i < 8; i++) {
            buffer[size++] = (byte) (value >>> (8 * i));
        }
    }

    /** A length-delimited field holding {@code bytes}. */
    public void bytesField(int field, byte[] bytes) {
        tag(field, LENGTH_DELIMITED);
        varint(bytes.length);
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, size, bytes.length);
        size += bytes.length;
    }

    /** A length-delimited field holding what another writer wrote: a nested message. */
    public void message(int field, ProtoWriter inner) {
        tag(field, LENGTH_DELIMITED);
        varint(inner.size);
        ensure(inner.size);
        System.arraycopy(inner.buffer, 0, buffer, size, inner.size);
        size += inner.size;
    }

    public int size() {
        return size;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buffer, size);
    }

    public void reset() {
        size = 0;
    }

    private void ensure(int more) {
        if (size + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
        }
    }

    /** Bytes a varint of this value takes. */
    public static int varintSize(long value) {
        int n = 1;
        long v = value;
        while ((v & ~0x7FL) != 0) {
            n++;
            v >>>= 7;
        }
        return n;
    }

    /** Bytes a length-delimited field of {@code length} bytes takes, tag included. */
    public static int fieldSize(int length) {
        return 1 + varintSize(length) + length;
    }
}
