package io.tasker.metrics.snapshot.internal;

/**
 * The buckets of every quantile sketch: which bucket a value falls in, and the value a bucket
 * stands for.
 *
 * <p>Buckets are logarithmic, {@value #BUCKETS_PER_OCTAVE} per power of two, so that any value
 * in a bucket is within {@link #RELATIVE_ERROR} (1/128, under 0.8%) of the value the bucket
 * stands for, whatever the value's magnitude. The index needs no {@code Math.log}: the binary
 * exponent comes from the double's bits and the position inside the octave from a cubic in the
 * mantissa that stays within a few percent of {@code log2(1 + m)}, the mapping DDSketch calls
 * "cubically interpolated". Relative to the value, the cubic's slope is flattest (10/7) at the
 * octave's start, which fixes the bucket count per octave for the error bound: 45 hold it, 44
 * would not (a test walks every bucket of an octave to check it). Exact logarithms would need 44
 * and a {@code Math.log} per observation.
 *
 * <p>Zero (and anything below {@link Double#MIN_NORMAL}) has a bucket of its own,
 * {@link #ZERO}, which stands for 0. Negative and infinite values have none.
 *
 * <p>Indexes are stable: they are what an encoded sketch stores, so two instances' sketches
 * merge bucket by bucket, exactly.
 */
public final class SketchIndex {
    /** Buckets per power of two: the fewest for which the cubic keeps every bucket within the error. */
    public static final int BUCKETS_PER_OCTAVE = 45;

    /** The largest relative distance between a value and the value its bucket stands for. */
    public static final double RELATIVE_ERROR = 1.0 / 128;

    /** The bucket of zero and of values below {@link Double#MIN_NORMAL}; sorts before every other. */
    public static final int ZERO = Integer.MIN_VALUE;

    /** Binary exponents of positive normal doubles, the octaves a bucket can be in. */
    public static final int MIN_OCTAVE = Double.MIN_EXPONENT;

    public static final int MAX_OCTAVE = Double.MAX_EXPONENT;

    private static final int EXPONENT_BIAS = 1023;
    private static final long MANTISSA_MASK = (1L << 52) - 1;
    // log2(1 + m) ~ ((A m + B) m + C) m on [0, 1): exact at both ends, increasing in between.
    private static final double A = 6.0 / 35;
    private static final double B = -3.0 / 5;
    private static final double C = 10.0 / 7;

    private SketchIndex() {}

    /** Whether a sketch can hold {@code value}: finite and not negative. */
    public static boolean accepts(double value) {
        return value >= 0 && value != Double.POSITIVE_INFINITY;
    }

    /**
     * The bucket of an accepted value.
     *
     * @throws IllegalArgumentException for a negative, infinite or NaN value
     */
    public static int of(double value) {
        if (!accepts(value)) {
            throw new IllegalArgumentException("A quantile sketch holds finite values of 0 or more, not " + value);
        }
        if (value < Double.MIN_NORMAL) {
            return ZERO;
        }
        long bits = Double.doubleToRawLongBits(value);
        return index(octave(bits), slot(bits));
    }

    /**
     * The binary exponent of a double given by its bits; for a positive normal value it is within
     * {@link #MIN_OCTAVE}..{@link #MAX_OCTAVE}, and anything else (zero, subnormal, negative,
     * infinite, NaN) falls outside.
     */
    public static int octave(long bits) {
        return (int) (bits >>> 52) - EXPONENT_BIAS;
    }

    /** The bucket within its octave of a positive normal value given by its bits. */
    public static int slot(long bits) {
        double m = (bits & MANTISSA_MASK) * 0x1p-52;
        int slot = (int) (((A * m + B) * m + C) * m * BUCKETS_PER_OCTAVE);
        return Math.min(slot, BUCKETS_PER_OCTAVE - 1);
    }

    public static int index(int octave, int slot) {
        return octave * BUCKETS_PER_OCTAVE + slot;
    }

    /** The octave of a bucket other than {@link #ZERO}. */
    public static int octaveOf(int index) {
        return Math.floorDiv(index, BUCKETS_PER_OCTAVE);
    }

    /** The position of a bucket other than {@link #ZERO} within its octave. */
    public static int slotOf(int index) {
        return Math.floorMod(index, BUCKETS_PER_OCTAVE);
    }

    /** The smallest value in a bucket other than {@link #ZERO}. */
    public static double lowerBound(int index) {
        return Math.scalb(edge(slotOf(index)), octaveOf(index));
    }

    /**
     * The value a bucket stands for: the one whose relative distance to either end is the same,
     * {@code 2 lo hi / (lo + hi)}, and so at most {@link #RELATIVE_ERROR} from anything in it.
     * Computed within the octave and scaled last, so that the top bucket does not overflow.
     */
    public static double value(int index) {
        if (index == ZERO) {
            return 0;
        }
        int slot = slotOf(index);
        double lo = edge(slot);
        double hi = edge(slot + 1);
        return Math.scalb(2 * lo * hi / (lo + hi), octaveOf(index));
    }

    /** Where slot {@code slot} of an octave starts, as a multiple of the octave's start (1 to 2). */
    public static double edge(int slot) {
        return 1 + mantissaAt((double) slot / BUCKETS_PER_OCTAVE);
    }

    /** The mantissa {@code m} in [0, 1] where the cubic reaches {@code y}, by Newton's method. */
    private static double mantissaAt(double y) {
        double m = y;
        for (int i = 0; i < 50; i++) {
            double f = ((A * m + B) * m + C) * m - y;
            double step = f / ((3 * A * m + 2 * B) * m + C);
            m -= step;
            if (Math.abs(step) < 1e-17) {
                break;
            }
        }
        return Math.max(0, Math.min(1, m));
    }
}
