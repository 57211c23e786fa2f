package io.tasker.metrics.snapshot;

import io.tasker.metrics.snapshot.internal.SketchIndex;
import java.io.ByteArrayOutputStream;

/**
 * The binary form of a {@link QuantileSketch}: a header ({@code 'Q'}, format 1, buckets per
 * octave), the number of buckets, then per bucket the distance from the previous bucket and the
 * count, as unsigned LEB128 varints (the first bucket zigzag-encoded, as it may be negative).
 * Neighbouring buckets make one-byte distances, and a typical latency series encodes in about two
 * bytes per bucket.
 *
 * <p>Decoding checks everything it reads, so a corrupt value is refused with a reason instead of
 * becoming wrong quantiles.
 */
final class SketchEncoding {
    private static final int MAGIC = 'Q';
    private static final int FORMAT = 1;

    private SketchEncoding() {}

    static byte[] encode(int[] buckets, long[] counts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8 + buckets.length * 3);
        out.write(MAGIC);
        out.write(FORMAT);
        out.write(SketchIndex.BUCKETS_PER_OCTAVE);
        writeVarint(out, buckets.length);
        for (int i = 0; i < buckets.length; i++) {
            long step = i == 0 ? zigzag(buckets[0]) : buckets[i] - base(buckets[i - 1]);
            writeVarint(out, step);
            writeVarint(out, counts[i]);
        }
        return out.toByteArray();
    }

    static QuantileSketch decode(byte[] encoded) {
        try {
            return read(new Reader(encoded));
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException(
                    "Not an encoded quantile sketch (" + encoded.length + " bytes): " + e.getMessage(), e);
        }
    }

    private static QuantileSketch read(Reader in) {
        if (in.next() != MAGIC || in.next() != FORMAT) {
            throw new IllegalStateException("no sketch header (a sketch written by another version starts otherwise)");
        }
        int perOctave = in.next();
        if (perOctave != SketchIndex.BUCKETS_PER_OCTAVE) {
            throw new IllegalStateException(
                    perOctave + " buckets per octave, this build uses " + SketchIndex.BUCKETS_PER_OCTAVE);
        }
        long n = in.varint();
        if (n > in.remaining() / 2) {
            throw new IllegalStateException(n + " buckets cannot fit in " + in.remaining() + " bytes");
        }
        int[] buckets = new int[(int) n];
        long[] counts = new long[(int) n];
        for (int i = 0; i < n; i++) {
            buckets[i] = i == 0 ? firstBucket(in.varint()) : nextBucket(buckets[i - 1], in.varint());
            counts[i] = in.varint();
            if (counts[i] <= 0) {
                throw new IllegalStateException("bucket " + buckets[i] + " has count " + counts[i]);
            }
        }
        if (in.remaining() != 0) {
            throw new IllegalStateException(in.remaining() + " bytes after the last bucket");
        }
        try {
            return QuantileSketch.of(buckets, counts);
        } catch (ArithmeticException e) {
            throw new IllegalStateException("the counts add up past 2^63");
        }
    }

    private static int firstBucket(long zigzagged) {
        long bucket = (zigzagged >>> 1) ^ -(zigzagged & 1);
        if (bucket != SketchIndex.ZERO
                && (bucket < SketchIndex.index(SketchIndex.MIN_OCTAVE, 0)
                        || bucket > SketchIndex.index(SketchIndex.MAX_OCTAVE, SketchIndex.BUCKETS_PER_OCTAVE - 1))) {
            throw new IllegalStateException("bucket " + bucket + " is out of range");
        }
        return (int) bucket;
    }

    /** What the next bucket's distance is counted from: after zero, from just below the lowest bucket. */
    private static long base(int previous) {
        return previous == SketchIndex.ZERO ? SketchIndex.index(SketchIndex.MIN_OCTAVE, 0) - 1L : previous;
    }

    private static int nextBucket(int previous, long step) {
        long bucket = base(previous) + step;
        if (step <= 0 || bucket > SketchIndex.index(SketchIndex.MAX_OCTAVE, SketchIndex.BUCKETS_PER_OCTAVE - 1)) {
            throw new IllegalStateException(
                    "bucket after " + previous + " is " + step + " further, out of order or range");
        }
        return (int) bucket;
    }

    private static long zigzag(int value) {
        return ((long) value << 1) ^ ((long) value >> 63);
    }

    private static void writeVarint(ByteArrayOutputStream out, long value) {
        while ((value & ~0x7FL) != 0) {
            out.write((int) (value & 0x7F) | 0x80);
            value >>>= 7;
        }
        out.write((int) value);
    }

    /** Reads bytes and varints, failing with IllegalStateException past the end. */
    private static final class Reader {
        private final byte[] bytes;
        private int at;

        Reader(byte[] bytes) {
            this.bytes = bytes;
        }

        int next() {
            if (at >= bytes.length) {
                throw new IllegalStateException("truncated at byte " + at);
            }
            return bytes[at++] & 0xFF;
        }

        long varint() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int b = next();
                value |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw new IllegalStateException("a number longer than 10 bytes at byte " + at);
        }

        int remaining() {
            return bytes.length - at;
        }
    }
}
