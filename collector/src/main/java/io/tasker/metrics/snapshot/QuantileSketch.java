package io.tasker.metrics.snapshot;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import org.HdrHistogram.DoubleHistogram;
import org.HdrHistogram.PackedHistogram;

/**
 * An immutable HdrHistogram of a series' observations, from which quantiles are read without
 * bucket interpolation, and which merges exactly with the sketches of other instances.
 *
 * <p>Two significant digits (a relative error of at most 1%), auto-ranging, packed 64-bit
 * counts: a packed histogram only stores the sub-buckets that hold values, which keeps a
 * typical latency series at a few kilobytes and never overflows a count.
 *
 * <pre>{@code
 * double p95 = point.quantiles().valueAt(0.95);
 * byte[] wire = point.quantiles().encode();
 * QuantileSketch merged = QuantileSketch.decode(wire).merge(other);
 * }</pre>
 */
public final class QuantileSketch {
    /** The quantiles that writers publish. */
    public static final double[] STANDARD_QUANTILES = {0.5, 0.9, 0.95, 0.99};

    /** Significant value digits of every sketch; sketches of equal precision merge exactly. */
    public static final int SIGNIFICANT_DIGITS = 2;

    private final DoubleHistogram histogram;
    private volatile double[] standard;

    private QuantileSketch(DoubleHistogram histogram) {
        this.histogram = histogram;
    }

    /** A new, empty, mutable histogram of the sketches' precision. */
    public static DoubleHistogram newHistogram() {
        return new DoubleHistogram(SIGNIFICANT_DIGITS, PackedHistogram.class);
    }

    /** Freezes a copy of {@code source}; the source may go on changing. */
    public static QuantileSketch copyOf(DoubleHistogram source) {
        // copy() duplicates the counts index by index into a plain 64-bit array: about 60 µs for
        // a latency series. A packed copy would stay smaller but costs about 0.8 ms, because
        // the packed array grows for every index added.
        return new QuantileSketch(source.copy());
    }

    /** Decodes the output of {@link #encode()}; a corrupt input gives an IllegalArgumentException. */
    public static QuantileSketch decode(byte[] encoded) {
        try {
            return new QuantileSketch(DoubleHistogram.decodeFromCompressedByteBuffer(
                    ByteBuffer.wrap(encoded), PackedHistogram.class, 2));
        } catch (DataFormatException | RuntimeException e) {
            throw new IllegalArgumentException("Not an encoded quantile sketch ("
                    + encoded.length + " bytes): " + e.getMessage(), e);
        }
    }

    /** The number of observations in the sketch. */
    public long count() {
        return histogram.getTotalCount();
    }

    /** The value at quantile {@code q} (0..1), or NaN when the sketch is empty. */
    public double valueAt(double q) {
        if (q < 0 || q > 1 || Double.isNaN(q)) {
            throw new IllegalArgumentException("Quantile must be within 0..1, got " + q);
        }
        if (histogram.getTotalCount() == 0) {
            return Double.NaN;
        }
        for (int i = 0; i < STANDARD_QUANTILES.length; i++) {
            if (STANDARD_QUANTILES[i] == q) {
                return standard()[i];
            }
        }
        return histogram.getValueAtPercentile(q * 100.0);
    }

    /**
     * The standard quantiles, computed once: each walks the counts (about 14 µs for a latency
     * series), and every writer and every console request of one view asks for the same four.
     * The sketch never changes, so a race only computes the same values twice.
     */
    private double[] standard() {
        double[] values = standard;
        if (values == null) {
            values = new double[STANDARD_QUANTILES.length];
            for (int i = 0; i < values.length; i++) {
                values[i] = histogram.getValueAtPercentile(STANDARD_QUANTILES[i] * 100.0);
            }
            standard = values;
        }
        return values;
    }

    /** A new sketch holding both sketches' observations. */
    public QuantileSketch merge(QuantileSketch other) {
        DoubleHistogram sum = newHistogram();
        sum.add(histogram);
        sum.add(other.histogram);
        return new QuantileSketch(sum);
    }

    /** An empty accumulator, for adding up many sketches without a new sketch per pair. */
    public static Builder builder() {
        return new Builder();
    }

    /** Adds sketches into one mutable state; {@link #build()} freezes what was added so far. */
    public static final class Builder {
        private final DoubleHistogram sum = newHistogram();

        private Builder() {
        }

        /** Adds every observation of {@code sketch}. */
        public Builder add(QuantileSketch sketch) {
            sum.add(sketch.histogram);
            return this;
        }

        /** A sketch of everything added so far; the builder can go on adding. */
        public QuantileSketch build() {
            return copyOf(sum);
        }
    }

    /**
     * A new sketch without {@code earlier}'s observations; {@code earlier} must be an earlier
     * state of the same series (every value it holds is held here at least as often).
     *
     * @throws IllegalArgumentException when it is not
     */
    public QuantileSketch minus(QuantileSketch earlier) {
        DoubleHistogram rest = newHistogram();
        rest.add(histogram);
        try {
            rest.subtract(earlier.histogram);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("The sketch to subtract is not an earlier state of this one: "
                    + e.getMessage(), e);
        }
        return new QuantileSketch(rest);
    }

    /** Adds this sketch's observations into a mutable histogram (restoring saved state). */
    public void addTo(DoubleHistogram target) {
        target.add(histogram);
    }

    /** HdrHistogram's compressed encoding, for the shared store. */
    public byte[] encode() {
        ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int length = histogram.encodeIntoCompressedByteBuffer(buffer);
        return Arrays.copyOf(buffer.array(), length);
    }


    @Override
    public boolean equals(Object o) {
        return o instanceof QuantileSketch s && histogram.equals(s.histogram);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(histogram.getTotalCount());
    }

    @Override
    public String toString() {
        return "QuantileSketch[count=" + count() + "]";
    }
}
