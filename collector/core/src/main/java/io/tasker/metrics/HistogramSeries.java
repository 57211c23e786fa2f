package io.tasker.metrics;

import io.tasker.metrics.snapshot.QuantileSketch;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;

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
 * <p>The quantile sketch, when the family keeps one, is a {@link QuantileRecorder}: one atomic add
 * per observation. Under contention it is striped like the buckets, one recorder per stripe made
 * when first needed, and a snapshot adds them up.
 *
 * <pre>{@code
 * durations.labels("payment_processing").observe(0.42);
 * }</pre>
 */
public final class HistogramSeries extends Series {
    private static final VarHandle CELLS = MethodHandles.arrayElementVarHandle(long[].class);
    private static final VarHandle STRIPES_REF;
    private static final VarHandle RECORDERS = MethodHandles.arrayElementVarHandle(QuantileRecorder[].class);
    private static final VarHandle RECORDER_STRIPES;
    /** Longs before the first stripe, so that no stripe shares a cache line with the array header. */
    private static final int HEADER_PAD = 16;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            STRIPES_REF = lookup.findVarHandle(HistogramSeries.class, "stripes", long[].class);
            RECORDER_STRIPES = lookup.findVarHandle(HistogramSeries.class, "recorderStripes", QuantileRecorder[].class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Histogram family;
    private final long[] base;
    private volatile long[] stripes;
    private final QuantileRecorder quantiles;
    private volatile QuantileRecorder[] recorderStripes;

    HistogramSeries(Histogram family, String[] labelValues, int hash) {
        super(labelValues, hash);
        this.family = family;
        this.base = new long[family.bounds().bucketCount() + 1];
        this.quantiles = family.hasQuantiles() ? new QuantileRecorder() : null;
    }

    /**
     * Records one observation.
     *
     * @param value the observation
     * @throws IllegalArgumentException for NaN, naming the histogram
     */
    public void observe(double value) {
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("Observation NaN is illegal for histogram " + family.name());
        }
        int bucket = family.bounds().bucketOf(value);
        if (stripes == null && addTo(base, 0, bucket, value)) {
            if (quantiles != null) {
                quantiles.record(value);
            }
        } else {
            int stripe = observeContended(bucket, value);
            if (quantiles != null) {
                recorder(stripe).record(value);
            }
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

    /** Adds to a stripe of its own for this thread; returns the stripe. */
    private int observeContended(int bucket, double value) {
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
                return h & mask;
            }
        }
    }

    /** The quantile recorder of a stripe, made on the stripe's first contended observation. */
    private QuantileRecorder recorder(int stripe) {
        QuantileRecorder[] all = recorderStripes;
        if (all == null) {
            RECORDER_STRIPES.compareAndSet(this, null, new QuantileRecorder[ThreadProbe.STRIPES]);
            all = recorderStripes;
        }
        QuantileRecorder r = (QuantileRecorder) RECORDERS.getAcquire(all, stripe);
        if (r == null) {
            RECORDERS.compareAndSet(all, stripe, null, new QuantileRecorder());
            r = (QuantileRecorder) RECORDERS.getAcquire(all, stripe);
        }
        return r;
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
            for (; ; ) {
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
        if (quantiles == null) {
            return null;
        }
        QuantileSketch.Builder sum = QuantileSketch.builder();
        for (QuantileRecorder r : recorders()) {
            r.addTo(sum);
        }
        return sum.build();
    }

    /** The base quantile recorder and those of the stripes made so far. */
    private List<QuantileRecorder> recorders() {
        List<QuantileRecorder> all = new ArrayList<>();
        all.add(quantiles);
        QuantileRecorder[] striped = recorderStripes;
        for (int i = 0; striped != null && i < striped.length; i++) {
            QuantileRecorder r = (QuantileRecorder) RECORDERS.getAcquire(striped, i);
            if (r != null) {
                all.add(r);
            }
        }
        return all;
    }

    /**
     * Observations so far, for callers that answer for one series (a bridged registry's
     * {@code count()}); a whole snapshot reads every series at once.
     *
     * @return the number of observations
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

    /**
     * The sum of the observations so far.
     *
     * @return the sum
     */
    public double sum() {
        return read(new long[base.length - 1]);
    }

    /**
     * Cumulative counts per bucket, the last ({@code +Inf}) equal to the count, as a snapshot has them.
     *
     * @return a new array, one count per bucket
     */
    public long[] cumulativeCounts() {
        long[] counts = new long[base.length - 1];
        read(counts);
        for (int b = 1; b < counts.length; b++) {
            counts[b] += counts[b - 1];
        }
        return counts;
    }

    /**
     * A copy of the quantile sketch, or null when the family keeps none.
     *
     * @return the merged sketch of this series, or null
     */
    public QuantileSketch quantiles() {
        return sketch();
    }

    /** Observations the sketch could not take (negative or out of its range). */
    long sketchRejected() {
        return quantiles == null
                ? 0
                : recorders().stream().mapToLong(QuantileRecorder::rejected).sum();
    }
}
