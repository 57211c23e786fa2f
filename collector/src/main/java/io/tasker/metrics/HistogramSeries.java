package io.tasker.metrics;

import io.tasker.metrics.snapshot.BucketBounds;
import io.tasker.metrics.snapshot.QuantileSketch;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.HdrHistogram.DoubleHistogram;

/**
 * One series of a histogram: per-bucket counts and the sum of observations, and optionally a
 * quantile sketch.
 *
 * <p>A stripe is a {@code long[]} of one count per bucket followed by the sum's bits. While
 * uncontended, an observation adds to the base stripe (one atomic add and one compare-and-swap
 * on the sum); when that compare-and-swap fails, another thread is recording at the same time,
 * and from then on each thread writes to its own padded stripe. Writers never block and never
 * allocate. The count is not stored: it is the sum of the bucket counts, so a snapshot's count
 * always equals its {@code +Inf} bucket.
 *
 * <p>The quantile sketch, when the family keeps one, is a packed HdrHistogram behind a lock
 * (see {@link Quantiles} for why not a {@code Recorder}); a snapshot copies it.
 *
 * <pre>{@code
 * durations.labels("payment_processing").observe(0.42);
 * }</pre>
 */
public final class HistogramSeries extends Series {
    private static final VarHandle CELLS = MethodHandles.arrayElementVarHandle(long[].class);
    private static final VarHandle STRIPES_REF;
    /** Longs before the first stripe, so that no stripe shares a cache line with the array header. */
    private static final int HEADER_PAD = 16;

    static {
        try {
            STRIPES_REF = MethodHandles.lookup().findVarHandle(HistogramSeries.class, "stripes", long[].class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Histogram family;
    private final long[] base;
    private volatile long[] stripes;
    private final Quantiles quantiles;

    HistogramSeries(Histogram family, String[] labelValues, int hash) {
        super(labelValues, hash);
        this.family = family;
        this.base = new long[family.bounds().bucketCount() + 1];
        this.quantiles = family.hasQuantiles() ? new Quantiles() : null;
    }

    /**
     * Records one observation.
     *
     * @throws IllegalArgumentException for NaN, naming the histogram
     */
    public void observe(double value) {
        if (value != value) {
            throw new IllegalArgumentException("Observation NaN is illegal for histogram " + family.name());
        }
        int bucket = family.bounds().bucketOf(value);
        if (stripes != null || !addTo(base, 0, bucket, value)) {
            observeContended(bucket, value);
        }
        if (quantiles != null) {
            quantiles.record(value);
        }
    }

    /** Adds to one stripe; false when the sum was changed under us, the sign of contention. */
    private boolean addTo(long[] cells, int offset, int bucket, double value) {
        int sumAt = offset + base.length - 1;
        long prev = (long) CELLS.getVolatile(cells, sumAt);
        long next = Double.doubleToRawLongBits(Double.longBitsToDouble(prev) + value);
        if (!CELLS.compareAndSet(cells, sumAt, prev, next)) {
            return false;
        }
        CELLS.getAndAdd(cells, offset + bucket, 1L);
        return true;
    }

    private void observeContended(int bucket, double value) {
        long[] s = stripes;
        if (s == null) {
            s = new long[HEADER_PAD + ThreadProbe.STRIPES * stride()];
            if (!STRIPES_REF.compareAndSet(this, null, s)) {
                s = stripes;
            }
        }
        int mask = ThreadProbe.STRIPES - 1;
        for (int h = ThreadProbe.get(); ; h = ThreadProbe.advance()) {
            if (addTo(s, HEADER_PAD + (h & mask) * stride(), bucket, value)) {
                return;
            }
        }
    }

    /** Longs per stripe, padded to whole 128-byte blocks so that stripes never share a line. */
    private int stride() {
        return (base.length + 15) & ~15;
    }

    /** Adds saved cumulative counts, sum and sketch, as if observed again (state restored after a restart). */
    void restore(long[] cumulativeCounts, double sum, QuantileSketch sketch) {
        synchronized (base) {
            long previous = 0;
            for (int i = 0; i < cumulativeCounts.length && i < base.length - 1; i++) {
                CELLS.getAndAdd(base, i, cumulativeCounts[i] - previous);
                previous = cumulativeCounts[i];
            }
            int sumAt = base.length - 1;
            for (;;) {
                long prev = (long) CELLS.getVolatile(base, sumAt);
                long next = Double.doubleToRawLongBits(Double.longBitsToDouble(prev) + sum);
                if (CELLS.compareAndSet(base, sumAt, prev, next)) {
                    break;
                }
            }
        }
        if (quantiles != null && sketch != null) {
            quantiles.restore(sketch);
        }
    }

    /** Non-cumulative bucket counts into {@code counts}; returns the sum. */
    double read(long[] counts) {
        int n = counts.length;
        double sum = readStripe(base, 0, counts, n);
        long[] s = stripes;
        if (s != null) {
            for (int off = HEADER_PAD; off < s.length; off += stride()) {
                sum += readStripe(s, off, counts, n);
            }
        }
        return sum;
    }

    // A writer adds to the sum before the bucket, and this reads the buckets before the sum:
    // every observation a snapshot counts is then in its sum too.
    private static double readStripe(long[] cells, int offset, long[] counts, int n) {
        for (int i = 0; i < n; i++) {
            counts[i] += (long) CELLS.getVolatile(cells, offset + i);
        }
        return Double.longBitsToDouble((long) CELLS.getVolatile(cells, offset + n));
    }

    /** The cumulative sketch, or null when the family keeps none. */
    QuantileSketch sketch() {
        return quantiles == null ? null : quantiles.snapshot();
    }

    /**
     * Observations so far, for callers that answer for one series (a bridged registry's
     * {@code count()}); a whole snapshot reads every series at once.
     */
    public long count() {
        long[] counts = new long[base.length - 1];
        read(counts);
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        return n;
    }

    /** The sum of the observations so far. */
    public double sum() {
        return read(new long[base.length - 1]);
    }

    /** Cumulative counts per bucket, the last ({@code +Inf}) equal to the count, as a snapshot has them. */
    public long[] cumulativeCounts() {
        long[] counts = new long[base.length - 1];
        read(counts);
        for (int b = 1; b < counts.length; b++) {
            counts[b] += counts[b - 1];
        }
        return counts;
    }

    /** A copy of the quantile sketch, or null when the family keeps none. */
    public QuantileSketch quantiles() {
        return sketch();
    }

    /** Observations the sketch could not take (negative or out of its range). */
    long sketchRejected() {
        return quantiles == null ? 0 : quantiles.rejected();
    }

    /**
     * The sketch of one series: a packed HdrHistogram written under this object's lock.
     *
     * <p>Not HdrHistogram's {@code DoubleRecorder}: its packed form can spin for ever when two
     * threads resize it at once (seen in QuantileContentionCheck), and its non-packed form
     * holds four full 64-bit count arrays, about 90 KB per series. A lock costs a few tens of
     * nanoseconds on an opt-in path and keeps a series at a few kilobytes.
     */
    private static final class Quantiles {
        private final DoubleHistogram histogram = QuantileSketch.newHistogram();
        private long rejected;

        synchronized void record(double value) {
            if (value >= 0 && value != Double.POSITIVE_INFINITY) {
                try {
                    histogram.recordValue(value);
                    return;
                } catch (ArrayIndexOutOfBoundsException outOfRange) {
                    // Beyond the dynamic range the sketch reached; counted below, never thrown.
                }
            }
            rejected++;
        }

        synchronized void restore(QuantileSketch sketch) {
            sketch.addTo(histogram);
        }

        /*
         * A fresh copy each time, not cached: the copy has full 64-bit counts (tens of KB for
         * a wide range), and holding one per series would multiply the footprint; it lives
         * only as long as the snapshot.
         */
        synchronized QuantileSketch snapshot() {
            return QuantileSketch.copyOf(histogram);
        }

        synchronized long rejected() {
            return rejected;
        }
    }
}
