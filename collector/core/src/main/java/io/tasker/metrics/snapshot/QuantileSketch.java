package io.tasker.metrics.snapshot;

import io.tasker.metrics.snapshot.internal.SketchIndex;
import java.util.Arrays;
import java.util.List;

/**
 * An immutable count per bucket of a series' observations, from which quantiles are read without
 * interpolation, and which merges exactly with the sketches of other instances.
 *
 * <p>The buckets are {@link SketchIndex}'s: logarithmic, so that any quantile is within
 * {@link SketchIndex#RELATIVE_ERROR} (under 0.8%) of the true value at any magnitude, with no
 * range to configure. Only buckets that hold observations are kept, as two parallel arrays
 * sorted by bucket, with 64-bit counts.
 *
 * <pre>{@code
 * double p95 = point.quantiles().valueAt(0.95);
 * byte[] wire = point.quantiles().encode();
 * QuantileSketch merged = QuantileSketch.decode(wire).merge(other);
 * }</pre>
 */
public final class QuantileSketch {
    /** The quantiles that writers publish; a list, so that no caller can change them for everyone. */
    public static final List<Double> STANDARD_QUANTILES = List.of(0.5, 0.9, 0.95, 0.99);
    /** The same as an array, for the lookups on the read path. */
    private static final double[] STANDARD = {0.5, 0.9, 0.95, 0.99};

    private static final QuantileSketch EMPTY = new QuantileSketch(new int[0], new long[0], 0);

    private final int[] buckets;
    private final long[] counts;
    private final long total;
    private volatile double[] standard;

    private QuantileSketch(int[] buckets, long[] counts, long total) {
        this.buckets = buckets;
        this.counts = counts;
        this.total = total;
    }

    /**
     * A sketch without observations.
     *
     * @return the shared empty sketch
     */
    public static QuantileSketch empty() {
        return EMPTY;
    }

    /**
     * An empty accumulator, for adding up many sketches without a new sketch per pair.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Decodes the output of {@link #encode()}; a corrupt input gives an IllegalArgumentException.
     *
     * @param encoded the bytes {@link #encode()} wrote
     * @return the sketch
     * @throws IllegalArgumentException when the bytes are not an encoded sketch
     */
    public static QuantileSketch decode(byte[] encoded) {
        return SketchEncoding.decode(encoded);
    }

    /**
     * The number of observations in the sketch.
     *
     * @return the sum of the bucket counts
     */
    public long count() {
        return total;
    }

    /**
     * Buckets that hold observations.
     *
     * @return how many buckets are non-empty
     */
    public int bucketCount() {
        return buckets.length;
    }

    /**
     * The {@link SketchIndex} of the {@code i}-th bucket that holds observations, in ascending order.
     *
     * @param i the position, from 0 to {@link #bucketCount()} - 1
     * @return the bucket's index
     */
    public int bucket(int i) {
        return buckets[i];
    }

    /**
     * The observations in the {@code i}-th bucket that holds any.
     *
     * @param i the position, from 0 to {@link #bucketCount()} - 1
     * @return that bucket's count
     */
    public long countAt(int i) {
        return counts[i];
    }

    /**
     * The value at quantile {@code q} (0..1): the value of the bucket that holds the observation
     * of rank {@code ceil(q * count)}, or NaN when the sketch is empty.
     *
     * @param q the quantile, from 0 to 1
     * @return the estimated value, or NaN
     * @throws IllegalArgumentException for {@code q} outside 0..1 or NaN
     */
    public double valueAt(double q) {
        if (q < 0 || q > 1 || Double.isNaN(q)) {
            throw new IllegalArgumentException("Quantile must be within 0..1, got " + q);
        }
        if (total == 0) {
            return Double.NaN;
        }
        for (int i = 0; i < STANDARD.length; i++) {
            if (STANDARD[i] == q) {
                return standard()[i];
            }
        }
        return compute(q);
    }

    /**
     * The standard quantiles, computed once: every writer and every console request of one view
     * asks for the same four. The sketch never changes, so a race only computes them twice.
     */
    private double[] standard() {
        double[] values = standard;
        if (values == null) {
            values = new double[STANDARD.length];
            for (int i = 0; i < values.length; i++) {
                values[i] = compute(STANDARD[i]);
            }
            standard = values;
        }
        return values;
    }

    private double compute(double q) {
        // The small allowance keeps 0.95 * 1000 (950.0000000000001) at rank 950.
        long rank = Math.max(1, Math.min(total, (long) Math.ceil(q * total - 1e-9)));
        long seen = 0;
        for (int i = 0; i < buckets.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return SketchIndex.value(buckets[i]);
            }
        }
        return SketchIndex.value(buckets[buckets.length - 1]);
    }

    /**
     * A new sketch holding both sketches' observations.
     *
     * @param other the sketch to add
     * @return the merged sketch; neither input changes
     */
    public QuantileSketch merge(QuantileSketch other) {
        return builder().add(this).add(other).build();
    }

    /**
     * A new sketch without {@code earlier}'s observations; {@code earlier} must be an earlier
     * state of the same series (every bucket it holds is held here at least as often).
     *
     * @param earlier an earlier state of this series' sketch
     * @return the observations made since {@code earlier}
     * @throws IllegalArgumentException when it is not
     */
    public QuantileSketch minus(QuantileSketch earlier) {
        Builder rest = builder().add(this);
        for (int i = 0; i < earlier.buckets.length; i++) {
            int bucket = earlier.buckets[i];
            long have = countOf(bucket);
            if (have < earlier.counts[i]) {
                throw new IllegalArgumentException("The sketch to subtract is not an earlier state of this one: bucket "
                        + bucket + " holds " + earlier.counts[i] + " observations there and " + have + " here");
            }
            rest.add(bucket, -earlier.counts[i]);
        }
        return rest.build();
    }

    private long countOf(int bucket) {
        int at = Arrays.binarySearch(buckets, bucket);
        return at < 0 ? 0 : counts[at];
    }

    /**
     * The compact binary form, for the shared store; see {@link #decode(byte[])}.
     *
     * @return the encoded sketch
     */
    public byte[] encode() {
        return SketchEncoding.encode(buckets, counts);
    }

    /** Builds a sketch from sorted, distinct buckets and positive counts, as the decoder reads them. */
    static QuantileSketch of(int[] buckets, long[] counts) {
        long sum = 0;
        for (long c : counts) {
            sum = Math.addExact(sum, c);
        }
        return new QuantileSketch(buckets, counts, sum);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QuantileSketch s && Arrays.equals(buckets, s.buckets) && Arrays.equals(counts, s.counts);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(buckets) + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "QuantileSketch[count=" + total + ", buckets=" + buckets.length + "]";
    }

    /**
     * Adds observations bucket by bucket into one mutable state; {@link #build()} freezes what
     * was added so far. Counts are kept in one array spanning the buckets seen, which grows at
     * either end as lower or higher buckets arrive.
     */
    public static final class Builder {
        private long zero;
        private int first;
        private long[] window = new long[0];

        private Builder() {}

        /**
         * Adds every observation of {@code sketch}.
         *
         * @param sketch the sketch to add
         * @return this builder
         */
        public Builder add(QuantileSketch sketch) {
            for (int i = 0; i < sketch.buckets.length; i++) {
                add(sketch.buckets[i], sketch.counts[i]);
            }
            return this;
        }

        /**
         * Adds {@code count} observations to bucket {@code bucket} (a {@link SketchIndex}).
         *
         * @param bucket the bucket's index
         * @param count the observations to add (negative to take away)
         * @return this builder
         */
        public Builder add(int bucket, long count) {
            if (bucket == SketchIndex.ZERO) {
                zero += count;
                return this;
            }
            cover(bucket);
            window[bucket - first] += count;
            return this;
        }

        private void cover(int bucket) {
            if (window.length == 0) {
                first = bucket;
                window = new long[SketchIndex.BUCKETS_PER_OCTAVE];
                return;
            }
            if (bucket >= first && bucket < first + window.length) {
                return;
            }
            // Grow by at least the current size, so that a stream of ever lower or higher
            // buckets copies the window a logarithmic number of times.
            int low = Math.min(first, bucket);
            int high = Math.max(first + window.length, bucket + 1);
            int grow = Math.max(high - low, 2 * window.length);
            int newFirst = bucket < first ? high - grow : low;
            long[] grown = new long[Math.max(grow, high - newFirst)];
            System.arraycopy(window, 0, grown, first - newFirst, window.length);
            window = grown;
            first = newFirst;
        }

        /**
         * A sketch of everything added so far; the builder can go on adding.
         *
         * @return a new immutable sketch
         */
        public QuantileSketch build() {
            int n = zero > 0 ? 1 : 0;
            for (long c : window) {
                n += c > 0 ? 1 : 0;
            }
            int[] buckets = new int[n];
            long[] counts = new long[n];
            int k = 0;
            long sum = zero;
            if (zero > 0) {
                buckets[k] = SketchIndex.ZERO;
                counts[k++] = zero;
            }
            for (int i = 0; i < window.length; i++) {
                if (window[i] > 0) {
                    buckets[k] = first + i;
                    counts[k++] = window[i];
                    sum += window[i];
                }
            }
            return new QuantileSketch(buckets, counts, sum);
        }
    }
}
