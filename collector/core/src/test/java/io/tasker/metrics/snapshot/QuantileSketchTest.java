package io.tasker.metrics.snapshot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.snapshot.internal.SketchIndex;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class QuantileSketchTest {

    private static QuantileSketch of(double... values) {
        QuantileSketch.Builder b = QuantileSketch.builder();
        for (double v : values) {
            b.add(SketchIndex.of(v), 1);
        }
        return b.build();
    }

    private static double[] logUniform(long seed, int n, double lo, double hi) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = Math.exp(random.nextDouble(Math.log(lo), Math.log(hi)));
        }
        return v;
    }

    @Test
    void theStandardQuantilesCannotBeChangedByACaller() {
        assertEquals(java.util.List.of(0.5, 0.9, 0.95, 0.99), QuantileSketch.STANDARD_QUANTILES);
        assertThrows(UnsupportedOperationException.class, () -> QuantileSketch.STANDARD_QUANTILES.set(0, 0.1));
    }

    @Test
    void quantilesAreWithinTheRelativeErrorOfTheExactRank() {
        double[] values = logUniform(3, 100_000, 0.001, 20);
        QuantileSketch sketch = of(values);
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        for (double q : new double[] {0, 0.01, 0.25, 0.5, 0.9, 0.95, 0.99, 0.999, 1}) {
            double exact = sorted[(int) Math.max(0, Math.ceil(q * sorted.length) - 1)];
            double got = sketch.valueAt(q);
            assertTrue(Math.abs(got - exact) / exact <= SketchIndex.RELATIVE_ERROR, q + ": " + got + " vs " + exact);
        }
        assertEquals(100_000, sketch.count());
    }

    @Test
    void theRankOfAWholeQuantileIsNotMovedByRounding() {
        double[] values = new double[1000];
        for (int i = 0; i < values.length; i++) {
            values[i] = (i + 1) / 1000.0;
        }
        QuantileSketch sketch = of(values);
        assertEquals(0.95, sketch.valueAt(0.95), 0.95 * SketchIndex.RELATIVE_ERROR);
        assertEquals(0.5, sketch.valueAt(0.5), 0.5 * SketchIndex.RELATIVE_ERROR);
        assertEquals(0.001, sketch.valueAt(0), 0.001 * SketchIndex.RELATIVE_ERROR);
    }

    @Test
    void zerosAreExactAndEmptyIsNaN() {
        assertEquals(0.0, of(0, 0, 0, 5).valueAt(0.5));
        assertTrue(Double.isNaN(QuantileSketch.empty().valueAt(0.5)));
        assertThrows(IllegalArgumentException.class, () -> of(1).valueAt(1.5));
    }

    @Test
    void mergingAddsBucketByBucketAndMinusUndoesIt() {
        QuantileSketch a = of(logUniform(1, 5000, 1e-6, 1e3));
        QuantileSketch b = of(logUniform(2, 7000, 1e-2, 1e6));
        QuantileSketch sum = a.merge(b);
        assertEquals(12_000, sum.count());
        assertEquals(sum, QuantileSketch.builder().add(b).add(a).build(), "merging is commutative");
        assertEquals(b, sum.minus(a));
        assertEquals(a, sum.minus(b));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.minus(sum));
        assertTrue(e.getMessage().contains("not an earlier state"), e.getMessage());
    }

    @Test
    void theBuilderWidensAtBothEnds() {
        QuantileSketch.Builder b = QuantileSketch.builder();
        double[] values = {1, 1e-300, 1e300, 1e-10, 1e10, 0, 2};
        for (double v : values) {
            b.add(SketchIndex.of(v), 2);
        }
        QuantileSketch s = b.build();
        assertEquals(14, s.count());
        assertEquals(values.length, s.bucketCount());
        for (int i = 1; i < s.bucketCount(); i++) {
            assertTrue(s.bucket(i - 1) < s.bucket(i));
        }
        assertEquals(SketchIndex.ZERO, s.bucket(0));
    }

    @Test
    void encodingRoundTripsAndStaysSmall() {
        QuantileSketch sketch = of(logUniform(5, 100_000, 0.001, 20)).merge(of(0, 0));
        byte[] wire = sketch.encode();
        assertEquals(sketch, QuantileSketch.decode(wire));
        assertTrue(
                wire.length < sketch.bucketCount() * 4,
                wire.length + " bytes for " + sketch.bucketCount() + " buckets");
        assertEquals(
                QuantileSketch.empty(),
                QuantileSketch.decode(QuantileSketch.empty().encode()));
        QuantileSketch big = QuantileSketch.builder()
                .add(SketchIndex.of(3), Long.MAX_VALUE / 2)
                .build();
        assertEquals(Long.MAX_VALUE / 2, QuantileSketch.decode(big.encode()).count());
    }

    @Test
    void corruptEncodingsAreRefusedWithAReason() {
        byte[] good = of(logUniform(6, 100, 1, 10)).encode();
        assertRefused(new byte[0], "truncated");
        assertRefused(new byte[] {1, 2, 3}, "header");
        assertRefused(Arrays.copyOf(good, good.length - 1), "cannot fit");
        byte[] oneBigCount = QuantileSketch.builder()
                .add(SketchIndex.of(2), 1L << 40)
                .build()
                .encode();
        assertRefused(Arrays.copyOf(oneBigCount, oneBigCount.length - 1), "truncated");
        assertRefused(Arrays.copyOf(good, good.length + 1), "after the last bucket");
        byte[] otherOctaves = good.clone();
        otherOctaves[2] = 64;
        assertRefused(otherOctaves, "buckets per octave");
        byte[] zeroCount = {'Q', 1, (byte) SketchIndex.BUCKETS_PER_OCTAVE, 1, 2, 0};
        assertRefused(zeroCount, "count 0");
        byte[] outOfOrder = {'Q', 1, (byte) SketchIndex.BUCKETS_PER_OCTAVE, 2, 2, 1, 0, 1};
        assertRefused(outOfOrder, "out of order");
        byte[] tooMany = {'Q', 1, (byte) SketchIndex.BUCKETS_PER_OCTAVE, 100, 2, 1};
        assertRefused(tooMany, "cannot fit");
    }

    private static void assertRefused(byte[] bytes, String reason) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> QuantileSketch.decode(bytes));
        assertTrue(
                e.getMessage().startsWith("Not an encoded quantile sketch")
                        && e.getMessage().contains(reason),
                e.getMessage());
    }

    @Test
    void bucketsAndCountsAreReadable() {
        QuantileSketch s = of(1, 1, 4);
        assertEquals(2, s.bucketCount());
        assertArrayEquals(new long[] {2, 1}, new long[] {s.countAt(0), s.countAt(1)});
        assertEquals(SketchIndex.of(4), s.bucket(1));
    }
}
