package io.tasker.metrics.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.Histogram;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.snapshot.HistogramSnapshot;
import io.tasker.metrics.snapshot.QuantileSketch;
import io.tasker.metrics.snapshot.SketchIndex;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.HdrHistogram.DoubleHistogram;
import org.HdrHistogram.PackedHistogram;
import org.junit.jupiter.api.Test;

/** Chunks of format 1 carried HdrHistogram sketches; a rolling upgrade still reads their quantiles. */
class HdrSketchesTest {

    @Test
    void anHdrHistogramSketchConvertsWithItsQuantiles() {
        DoubleHistogram old = new DoubleHistogram(2, PackedHistogram.class);
        SplittableRandom random = new SplittableRandom(4);
        double[] values = new double[20_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.exp(random.nextDouble(Math.log(0.001), Math.log(20)));
            old.recordValue(values[i]);
        }
        ByteBuffer buffer = ByteBuffer.allocate(old.getNeededByteBufferCapacity());
        byte[] encoded = Arrays.copyOf(buffer.array(), old.encodeIntoCompressedByteBuffer(buffer));

        assertTrue(HdrSketches.isOne(encoded));
        QuantileSketch converted = HdrSketches.convert(encoded);
        assertEquals(values.length, converted.count());
        Arrays.sort(values);
        for (double q : QuantileSketch.STANDARD_QUANTILES) {
            double exact = values[(int) Math.ceil(q * values.length) - 1];
            // HdrHistogram's bucket (1/128 wide at most) and then ours.
            double bound = 2 * SketchIndex.RELATIVE_ERROR;
            assertEquals(exact, converted.valueAt(q), exact * bound, "p" + q);
        }
    }

    @Test
    void todaysSketchesAreNotTakenForOldOnes() {
        assertFalse(HdrSketches.isOne(QuantileSketch.builder().add(SketchIndex.of(1), 3).build().encode()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HdrSketches.convert(new byte[] {1, 2, 3, 4, 5}));
        assertTrue(e.getMessage().contains("neither this build's form nor HdrHistogram's"), e.getMessage());
    }

    @Test
    void aChunkOfFormatOneIsStillRead() {
        MetricRegistry registry = new MetricRegistry();
        Histogram h = Histogram.builder("task_duration_seconds").quantiles().register(registry);
        h.observe(0.5);
        byte[] chunk = SnapshotCodec.encode(registry.snapshot().families());
        assertEquals(2, chunk[3], "this build writes format 2");
        chunk[3] = 1;
        HistogramSnapshot read = (HistogramSnapshot) SnapshotCodec.decode(chunk).get(0);
        assertEquals(1, read.points().get(0).quantiles().count());
        chunk[3] = 3;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SnapshotCodec.decode(chunk));
        assertTrue(e.getMessage().contains("version 3 is not supported"), e.getMessage());
    }
}
