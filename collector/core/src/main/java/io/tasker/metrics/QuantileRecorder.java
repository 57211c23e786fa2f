package io.tasker.metrics;

import io.tasker.metrics.snapshot.QuantileSketch;
import io.tasker.metrics.snapshot.internal.SketchIndex;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.HashMap;
import java.util.Map;

/**
 * The live counts behind a quantile sketch, written without locks or allocation.
 *
 * <p>One page of {@link SketchIndex#BUCKETS_PER_OCTAVE} counts per power of two that has seen a
 * value, made on the octave's first value; a directory maps octaves to pages. Pages never move:
 * a bigger directory copies references only, so a writer holding the old one still adds to the
 * right page and nothing is lost. An observation is one atomic add; only a new octave, and a
 * count passing 2^31, take the lock.
 *
 * <p>Counts are 32-bit, which keeps a latency series spanning 15 octaves at about 3 KB. A count
 * is read unsigned, and the writer whose add takes it past 2^31 moves 2^31 into a 64-bit
 * overflow map under the lock; the count still has 2^31 of headroom while it does, so nothing
 * wraps, and a snapshot (which takes the same lock) sees the move whole or not at all.
 *
 * <p>Why not HdrHistogram's {@code DoubleRecorder}: its packed form can spin for ever when two
 * threads resize it at once, and its plain form keeps four 64-bit arrays, about 90 KB a series.
 */
final class QuantileRecorder {
    private static final VarHandle COUNTS = MethodHandles.arrayElementVarHandle(int[].class);
    private static final VarHandle PAGES = MethodHandles.arrayElementVarHandle(int[][].class);
    private static final VarHandle ZEROS;
    private static final VarHandle REJECTED;
    private static final long HALF = 1L << 31;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            ZEROS = lookup.findVarHandle(QuantileRecorder.class, "zeros", long.class);
            REJECTED = lookup.findVarHandle(QuantileRecorder.class, "rejected", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Pages of the octaves {@code first} to {@code first + pages.length - 1}; null until one is seen. */
    private record Directory(int first, int[][] pages) {
        static final Directory EMPTY = new Directory(0, new int[0][]);

        int[] page(int octave) {
            int at = octave - first;
            return at >= 0 && at < pages.length ? (int[]) PAGES.getAcquire(pages, at) : null;
        }
    }

    private volatile Directory directory = Directory.EMPTY;
    private volatile long zeros;
    private volatile long rejected;
    /** 2^31 per time a bucket's count passed it; guarded by this. */
    private Map<Integer, Long> overflow;

    /** Records one value; negative and infinite values are only counted as rejected. */
    void record(double value) {
        long bits = Double.doubleToRawLongBits(value);
        int octave = SketchIndex.octave(bits);
        int[] page = directory.page(octave);
        if (page != null) {
            add(page, octave, SketchIndex.slot(bits));
        } else {
            recordRare(value, bits, octave);
        }
    }

    private void add(int[] page, int octave, int slot) {
        if ((int) COUNTS.getAndAdd(page, slot, 1) == Integer.MAX_VALUE) {
            carry(page, octave, slot);
        }
    }

    /** The first value of an octave, zero, or a value the sketch cannot hold. */
    private void recordRare(double value, long bits, int octave) {
        if (!SketchIndex.accepts(value)) {
            REJECTED.getAndAdd(this, 1L);
        } else if (value < Double.MIN_NORMAL) {
            ZEROS.getAndAdd(this, 1L);
        } else {
            add(pageOf(octave), octave, SketchIndex.slot(bits));
        }
    }

    private synchronized int[] pageOf(int octave) {
        Directory d = directory;
        int[] page = d.page(octave);
        if (page != null) {
            return page;
        }
        if (octave < d.first || octave >= d.first + d.pages.length) {
            d = widen(d, octave);
        }
        page = new int[SketchIndex.BUCKETS_PER_OCTAVE];
        PAGES.setRelease(d.pages, octave - d.first, page);
        directory = d;
        return page;
    }

    private static Directory widen(Directory d, int octave) {
        if (d.pages.length == 0) {
            return new Directory(octave, new int[1][]);
        }
        int first = Math.min(d.first, octave);
        int end = Math.max(d.first + d.pages.length, octave + 1);
        int[][] pages = new int[end - first][];
        System.arraycopy(d.pages, 0, pages, d.first - first, d.pages.length);
        return new Directory(first, pages);
    }

    /** Moves 2^31 of a count that just passed it into the overflow map. */
    private synchronized void carry(int[] page, int octave, int slot) {
        if (overflow == null) {
            overflow = new HashMap<>();
        }
        overflow.merge(SketchIndex.index(octave, slot), HALF, Long::sum);
        COUNTS.getAndAdd(page, slot, Integer.MIN_VALUE);
    }

    /** Adds saved observations (state restored after a restart), whatever their size. */
    synchronized void restore(QuantileSketch sketch) {
        for (int i = 0; i < sketch.bucketCount(); i++) {
            int bucket = sketch.bucket(i);
            long count = sketch.countAt(i);
            if (bucket == SketchIndex.ZERO) {
                ZEROS.getAndAdd(this, count);
                continue;
            }
            int octave = SketchIndex.octaveOf(bucket);
            restore(pageOf(octave), octave, SketchIndex.slotOf(bucket), count);
        }
    }

    private void restore(int[] page, int octave, int slot, long count) {
        while (count > 0) {
            int part = (int) Math.min(count, HALF >> 1);
            long before = Integer.toUnsignedLong((int) COUNTS.getAndAdd(page, slot, part));
            if (before < HALF && before + part >= HALF) {
                carry(page, octave, slot);
            }
            count -= part;
        }
    }

    /** Adds this recorder's counts into {@code sum}; consistent with any carry under way. */
    synchronized void addTo(QuantileSketch.Builder sum) {
        if (zeros > 0) {
            sum.add(SketchIndex.ZERO, zeros);
        }
        Directory d = directory;
        for (int p = 0; p < d.pages.length; p++) {
            int[] page = d.page(d.first + p);
            if (page != null) {
                addPage(sum, d.first + p, page);
            }
        }
        if (overflow != null) {
            overflow.forEach(sum::add);
        }
    }

    private static void addPage(QuantileSketch.Builder sum, int octave, int[] page) {
        for (int slot = 0; slot < page.length; slot++) {
            long count = Integer.toUnsignedLong((int) COUNTS.getVolatile(page, slot));
            if (count > 0) {
                sum.add(SketchIndex.index(octave, slot), count);
            }
        }
    }

    long rejected() {
        return rejected;
    }
}
