package io.tasker.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.snapshot.CounterSnapshot;
import io.tasker.metrics.snapshot.HistogramSnapshot;
import io.tasker.metrics.snapshot.MetricsSnapshot;
import io.tasker.metrics.snapshot.QuantileSketch;
import io.tasker.metrics.snapshot.internal.SketchIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Totals are exact under contention, and snapshots taken meanwhile are consistent per series. */
class ConcurrencyTest {
    private static final int THREADS = 4;
    private static final int PER_THREAD = 1_000_000;

    @Test
    void countersAndHistogramsAreExactUnderContention() throws Exception {
        MetricRegistry registry = new MetricRegistry();
        Counter counter = registry.counter("task_executions_total", "status", "task_name");
        Histogram histogram =
                Histogram.builder("task_duration_seconds").buckets(0.25, 0.5, 1).register(registry);
        Counter fractional = registry.counter("work_seconds_total");
        runAll(THREADS, t -> {
            CounterSeries shared = counter.labels("success", "payment_processing");
            for (int i = 0; i < PER_THREAD; i++) {
                shared.inc();
                counter.labels("success", "t" + (i & 7)).inc();
                histogram.observe((i & 3) * 0.25);
                if ((i & 1023) == 0) {
                    fractional.inc(0.5);
                }
            }
        });
        MetricsSnapshot s = registry.snapshot();
        long total = (long) THREADS * PER_THREAD;
        assertEquals(total, counter.labels("success", "payment_processing").value());
        double perLabel = 0;
        for (int i = 0; i < 8; i++) {
            perLabel += counter.labels("success", "t" + i).value();
        }
        assertEquals(total, perLabel);
        HistogramSnapshot.Point p = ((HistogramSnapshot)
                        s.family("tasker_task_duration_seconds").orElseThrow())
                .points()
                .get(0);
        assertEquals(total, p.count());
        assertEquals(total / 4 * 2, p.cumulativeCount(0)); // 0 and 0.25
        assertEquals(total / 4 * 3, p.cumulativeCount(1));
        assertEquals(total, p.cumulativeCount(2));
        assertEquals(total / 4 * (0 + 0.25 + 0.5 + 0.75), p.sum(), 1e-6);
        long fractionalCalls = (long) THREADS * ((PER_THREAD + 1023) / 1024);
        assertEquals(fractionalCalls * 0.5, fractional.noLabels().value(), 1e-9);
    }

    @Test
    void snapshotsUnderConcurrentWritesAreConsistentPerSeries() throws Exception {
        MetricRegistry registry = new MetricRegistry();
        Histogram histogram =
                Histogram.builder("step_duration_seconds").buckets(1, 2, 3).register(registry);
        Counter counter = registry.counter("steps_total");
        AtomicBoolean done = new AtomicBoolean();
        List<String> problems = new ArrayList<>();
        Thread reader = new Thread(() -> {
            double lastCount = 0;
            long lastHistogram = 0;
            while (!done.get()) {
                MetricsSnapshot s = registry.snapshot();
                for (var f : s.families()) {
                    if (f instanceof HistogramSnapshot h && !h.points().isEmpty()) {
                        HistogramSnapshot.Point p = h.points().get(0);
                        long count = p.count();
                        if (count != p.cumulativeCount(p.bucketCount() - 1) || count < lastHistogram) {
                            problems.add("histogram count " + count + " after " + lastHistogram);
                        }
                        // Each observation is 1.0: the sum must cover every counted observation.
                        if (p.sum() < count) {
                            problems.add("sum " + p.sum() + " below count " + count);
                        }
                        lastHistogram = count;
                    } else if (f instanceof CounterSnapshot c && !c.points().isEmpty()) {
                        double v = c.points().get(0).value();
                        if (v < lastCount) {
                            problems.add("counter went back from " + lastCount + " to " + v);
                        }
                        lastCount = v;
                    }
                }
            }
        });
        reader.start();
        runAll(2, t -> {
            for (int i = 0; i < 500_000; i++) {
                histogram.observe(1.0);
                counter.inc();
            }
        });
        done.set(true);
        reader.join();
        assertTrue(problems.isEmpty(), problems.stream().limit(5).toList().toString());
        assertEquals(1_000_000, counter.noLabels().value());
    }

    @Test
    void quantileSketchTakesEveryObservationFromConcurrentWriters() throws Exception {
        MetricRegistry registry = new MetricRegistry();
        Histogram histogram =
                Histogram.builder("task_duration_seconds").quantiles().register(registry);
        HistogramSeries series = histogram.noLabels();
        int perThread = 500_000;
        runAll(2, t -> {
            // Values over six decades, so that the sketch widens its range while both threads write.
            for (int i = 0; i < perThread; i++) {
                series.observe(Math.pow(10, (i % 600) / 100.0 - 4) * (1 + t));
                if (t == 0 && i % 50_000 == 0) {
                    registry.snapshot();
                }
            }
        });
        HistogramSnapshot.Point p = ((HistogramSnapshot) registry.snapshot()
                        .family("tasker_task_duration_seconds")
                        .orElseThrow())
                .points()
                .get(0);
        assertEquals(2L * perThread, p.count());
        assertEquals(2L * perThread, p.quantiles().count());
        QuantileSketch.Builder expected = QuantileSketch.builder();
        for (int t = 0; t < 2; t++) {
            for (int i = 0; i < perThread; i++) {
                expected.add(SketchIndex.of(Math.pow(10, (i % 600) / 100.0 - 4) * (1 + t)), 1);
            }
        }
        assertEquals(expected.build(), p.quantiles(), "every observation in its bucket, whichever stripe took it");
    }

    private static void runAll(int threads, ThrowingTask task) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> list = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    task.run(id);
                } catch (Throwable e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            });
            thread.start();
            list.add(thread);
        }
        start.countDown();
        for (Thread thread : list) {
            // Bounded, so that a writer stuck in a spin (as HdrHistogram's packed recorder can
            // be) fails the test with a message instead of hanging the build.
            thread.join(120_000);
            assertTrue(!thread.isAlive(), "a writer thread made no progress for 2 minutes: " + thread.getName());
        }
        assertTrue(failures.isEmpty(), failures.toString());
    }

    @FunctionalInterface
    interface ThrowingTask {
        void run(int thread) throws Exception;
    }
}
