package io.tasker.metrics.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.snapshot.internal.SketchIndex;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SketchIndexTest {

    @Test
    void everyBucketOfAnOctaveIsNarrowEnoughForTheErrorBound() {
        double widest = 0;
        for (int slot = 0; slot < SketchIndex.BUCKETS_PER_OCTAVE; slot++) {
            double lo = SketchIndex.edge(slot);
            double hi = SketchIndex.edge(slot + 1);
            assertTrue(hi > lo, "slot " + slot + " is empty");
            widest = Math.max(widest, (hi - lo) / (hi + lo));
        }
        assertTrue(widest <= SketchIndex.RELATIVE_ERROR, "widest bucket's error " + widest);
        assertEquals(1.0, SketchIndex.edge(0));
        assertEquals(2.0, SketchIndex.edge(SketchIndex.BUCKETS_PER_OCTAVE), 1e-15);
    }

    @Test
    void oneBucketFewerPerOctaveWouldBreakTheBound() {
        // The cubic's flattest slope is 10/7, at the octave's start: with one bucket fewer the
        // first bucket's error would exceed 1/128, so the count is the smallest that holds.
        double slope = 10.0 / 7;
        double firstWidth = 1.0 / ((SketchIndex.BUCKETS_PER_OCTAVE - 1) * slope);
        assertTrue(firstWidth / (2 + firstWidth) > SketchIndex.RELATIVE_ERROR);
    }

    @Test
    void anyValueIsWithinTheErrorOfItsBucketsValue() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 1_000_000; i++) {
            double v = Math.exp(random.nextDouble(-700, 700));
            double stands = SketchIndex.value(SketchIndex.of(v));
            assertTrue(Math.abs(stands - v) / v <= SketchIndex.RELATIVE_ERROR * (1 + 1e-9), v + " stands as " + stands);
        }
    }

    @Test
    void indexesGrowWithTheValueAndBoundsMatchTheIndex() {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 100_000; i++) {
            double a = Math.exp(random.nextDouble(-50, 50));
            double b = a * (1 + random.nextDouble(0, 0.05));
            assertTrue(SketchIndex.of(a) <= SketchIndex.of(b), a + " vs " + b);
            int index = SketchIndex.of(a);
            assertTrue(SketchIndex.lowerBound(index) <= a * (1 + 1e-12), "lower bound of " + a);
            assertTrue(SketchIndex.lowerBound(index + 1) >= a * (1 - 1e-12), "upper bound of " + a);
            assertEquals(index, SketchIndex.of(SketchIndex.value(index)), "a bucket's value is in the bucket");
        }
    }

    @Test
    void zeroTinyAndExtremeValues() {
        assertEquals(SketchIndex.ZERO, SketchIndex.of(0.0));
        assertEquals(SketchIndex.ZERO, SketchIndex.of(-0.0));
        assertEquals(SketchIndex.ZERO, SketchIndex.of(Double.MIN_VALUE));
        assertEquals(0.0, SketchIndex.value(SketchIndex.ZERO));
        double max = SketchIndex.value(SketchIndex.of(Double.MAX_VALUE));
        assertTrue(Double.isFinite(max)
                && Math.abs(max - Double.MAX_VALUE) / Double.MAX_VALUE <= SketchIndex.RELATIVE_ERROR);
        double min = SketchIndex.value(SketchIndex.of(Double.MIN_NORMAL));
        assertTrue(Math.abs(min - Double.MIN_NORMAL) / Double.MIN_NORMAL <= SketchIndex.RELATIVE_ERROR);
        assertEquals(0, SketchIndex.of(1.0));
    }

    @Test
    void negativeInfiniteAndNaNHaveNoBucket() {
        assertFalse(SketchIndex.accepts(-1));
        assertFalse(SketchIndex.accepts(Double.POSITIVE_INFINITY));
        assertFalse(SketchIndex.accepts(Double.NaN));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SketchIndex.of(-0.5));
        assertTrue(e.getMessage().contains("-0.5"), e.getMessage());
    }
}
