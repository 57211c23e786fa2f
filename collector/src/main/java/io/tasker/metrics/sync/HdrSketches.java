package io.tasker.metrics.sync;

import io.tasker.metrics.snapshot.QuantileSketch;
import io.tasker.metrics.snapshot.SketchIndex;
import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;
import org.HdrHistogram.DoubleHistogram;
import org.HdrHistogram.DoubleHistogramIterationValue;
import org.HdrHistogram.PackedHistogram;

/**
 * Reads the quantile sketches of chunk format 1, HdrHistogram's compressed {@code DoubleHistogram}
 * with two significant digits, into today's buckets: each recorded value range moves, with its
 * count, to the bucket of its middle value. The conversion adds at most HdrHistogram's own
 * half-bucket error to ours, and only to what older instances wrote.
 */
final class HdrSketches {
    /** Today's sketches start with {@code 'Q'}; HdrHistogram's with a cookie whose first byte is not. */
    private static final byte OURS = 'Q';

    private HdrSketches() {
    }

    static boolean isOne(byte[] encoded) {
        return encoded.length > 0 && encoded[0] != OURS;
    }

    static QuantileSketch convert(byte[] encoded) {
        DoubleHistogram old;
        try {
            old = DoubleHistogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(encoded), PackedHistogram.class, 2);
        } catch (DataFormatException | RuntimeException e) {
            throw new IllegalArgumentException("Not an encoded quantile sketch (" + encoded.length
                    + " bytes, neither this build's form nor HdrHistogram's): " + e.getMessage(), e);
        }
        QuantileSketch.Builder sketch = QuantileSketch.builder();
        for (DoubleHistogramIterationValue v : old.recordedValues()) {
            double middle = old.medianEquivalentValue(v.getValueIteratedTo());
            sketch.add(SketchIndex.of(middle), v.getCountAtValueIteratedTo());
        }
        return sketch.build();
    }
}
