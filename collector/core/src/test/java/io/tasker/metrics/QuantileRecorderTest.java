package io.tasker.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tasker.metrics.snapshot.QuantileSketch;
import io.tasker.metrics.snapshot.internal.SketchIndex;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class QuantileRecorderTest {

    private static QuantileSketch sketchOf(QuantileRecorder r) {
        QuantileSketch.Builder b = QuantileSketch.builder();
        r.addTo(b);
        return b.build();
    }

    @Test
    void recordsWhatABuilderOfTheSameValuesHolds() {
        QuantileRecorder recorder = new QuantileRecorder();
        QuantileSketch.Builder expected = QuantileSketch.builder();
        SplittableRandom random = new SplittableRandom(9);
        for (int i = 0; i < 50_000; i++) {
            double v = random.nextInt(20) == 0 ? 0 : Math.exp(random.nextDouble(-30, 30));
            recorder.record(v);
            expected.add(SketchIndex.of(v), 1);
        }
        assertEquals(expected.build(), sketchOf(recorder));
    }

    @Test
    void negativeAndInfiniteValuesAreRejectedNotRecorded() {
        QuantileRecorder recorder = new QuantileRecorder();
        recorder.record(-1);
        recorder.record(Double.NEGATIVE_INFINITY);
        recorder.record(Double.POSITIVE_INFINITY);
        recorder.record(-0.0);
        assertEquals(3, recorder.rejected());
        assertEquals(1, sketchOf(recorder).count(), "-0.0 is a zero");
    }

    @Test
    void countsPastTwoToThe31AreCarriedExactly() {
        QuantileRecorder recorder = new QuantileRecorder();
        int bucket = SketchIndex.of(0.25);
        long nearTheEdge = (1L << 31) - 3;
        recorder.restore(QuantileSketch.builder().add(bucket, nearTheEdge).build());
        for (int i = 0; i < 10; i++) {
            recorder.record(0.25);
        }
        assertEquals(nearTheEdge + 10, sketchOf(recorder).count(), "a writer's add past 2^31 carries");

        long huge = 5L << 32;
        recorder.restore(QuantileSketch.builder()
                .add(bucket, huge)
                .add(SketchIndex.ZERO, 7)
                .build());
        recorder.record(0.25);
        QuantileSketch s = sketchOf(recorder);
        assertEquals(nearTheEdge + 11 + huge + 7, s.count(), "a restore of more than 2^32 carries too");
        assertEquals(0.25, s.valueAt(0.99), 0.25 * SketchIndex.RELATIVE_ERROR);
    }

    @Test
    void concurrentWritersOverManyOctavesLoseNothing() throws Exception {
        QuantileRecorder recorder = new QuantileRecorder();
        int perThread = 200_000;
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            long seed = t;
            threads[t] = new Thread(() -> {
                SplittableRandom random = new SplittableRandom(seed);
                for (int i = 0; i < perThread; i++) {
                    // New octaves keep arriving at both ends while the others write.
                    recorder.record(Math.exp(random.nextDouble(-40, 40)));
                }
            });
            threads[t].start();
        }
        long snapshots = 0;
        while (threads[0].isAlive()) {
            snapshots += sketchOf(recorder).count() >= 0 ? 1 : 0;
        }
        for (Thread t : threads) {
            t.join(30_000);
        }
        assertEquals(
                (long) perThread * threads.length,
                sketchOf(recorder).count(),
                "every observation counted (" + snapshots + " snapshots taken meanwhile)");
    }
}
