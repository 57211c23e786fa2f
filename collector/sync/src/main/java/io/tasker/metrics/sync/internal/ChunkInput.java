package io.tasker.metrics.sync.internal;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A cursor over a chunk's bytes in {@code DataOutputStream}'s big-endian layout. Every read that
 * would run past the end, and every count larger than the chunk could hold, is refused with an
 * {@link IllegalArgumentException}, the codec's one way of refusing a chunk.
 */
public final class ChunkInput {
    private final byte[] data;
    private int position;

    public ChunkInput(byte[] data, int position) {
        this.data = data;
        this.position = position;
    }

    public int position() {
        return position;
    }

    public int remaining() {
        return data.length - position;
    }

    public byte readByte() {
        need(1);
        return data[position++];
    }

    public boolean readBoolean() {
        return readByte() != 0;
    }

    public int readUnsignedShort() {
        need(2);
        int v = (data[position] & 0xff) << 8 | data[position + 1] & 0xff;
        position += 2;
        return v;
    }

    public int readInt() {
        need(4);
        int v = 0;
        for (int i = 0; i < 4; i++) {
            v = v << 8 | data[position++] & 0xff;
        }
        return v;
    }

    public long readLong() {
        need(8);
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = v << 8 | data[position++] & 0xff;
        }
        return v;
    }

    public double readDouble() {
        return Double.longBitsToDouble(readLong());
    }

    /** A count, checked against what the chunk could possibly hold. */
    public int readCount() {
        int n = readInt();
        if (n < 0 || n > data.length) {
            throw new IllegalArgumentException("impossible count " + n + " in a chunk of " + data.length + " bytes");
        }
        return n;
    }

    public byte[] readBytes(int n) {
        need(n);
        byte[] bytes = Arrays.copyOfRange(data, position, position + n);
        position += n;
        return bytes;
    }

    /** Text in {@code writeUTF}'s form. */
    public String readText() {
        int start = position;
        int n = readUnsignedShort();
        need(n);
        position += n;
        return ascii(start + 2, n)
                ? new String(data, start + 2, n, StandardCharsets.ISO_8859_1)
                : modifiedUtf8(start, n);
    }

    /**
     * Passes over text without making a String, checking that it would decode: what label values
     * of a known series need, since the merger finds the series by their bytes.
     */
    public void skipText() {
        int start = position;
        int n = readUnsignedShort();
        need(n);
        position += n;
        if (!ascii(start + 2, n)) {
            modifiedUtf8(start, n);
        }
    }

    private boolean ascii(int from, int n) {
        for (int i = from; i < from + n; i++) {
            if (data[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /** The rare text beyond ASCII, decoded (and checked) by the JDK's own reader of the form. */
    private String modifiedUtf8(int start, int n) {
        try {
            return DataInputStream.readUTF(new DataInputStream(new ByteArrayInputStream(data, start, n + 2)));
        } catch (IOException e) {
            throw new IllegalArgumentException("malformed text in a chunk: " + e, e);
        }
    }

    private void need(int n) {
        if (n > data.length - position) {
            throw new IllegalArgumentException(
                    "truncated chunk (" + data.length + " bytes): " + n + " more bytes needed at " + position);
        }
    }
}
