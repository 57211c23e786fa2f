package io.tasker.metrics.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.snapshot.CounterSnapshot;
import io.tasker.metrics.snapshot.HistogramSnapshot;
import io.tasker.metrics.snapshot.MetricsSnapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Threads record through Micrometer while another takes snapshots (as the background sync
 * does): no count is lost, and no snapshot sees a counter go backwards.
 */
class ConcurrentRecordingTest {
    private static final int THREADS = 4;
    private static final int PER_THREAD = 50_000;

    @Test
    void countsAreExactWhileSnapshotsAreTaken() throws Exception {
        MetricRegistry metrics = new MetricRegistry();
        TaskerMeterRegistry registry = new TaskerMeterRegistry(metrics);
        AtomicBoolean done = new AtomicBoolean();
        List<Double> seen = new ArrayList<>();
        Thread snapshots = new Thread(() -> {
            while (!done.get()) {
                seen.add(jobs(metrics.snapshot()));
            }
        });
        snapshots.start();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            Thread w = new Thread(() -> {
                Counter c = registry.counter("jobs", "queue", "default");
                Timer timer = registry.timer("job.duration");
                await(start);
                for (int i = 0; i < PER_THREAD; i++) {
                    c.increment();
                    timer.record(Duration.ofMillis(125));
                    registry.counter("jobs.by.lookup", "queue", "default").increment();
                }
            });
            w.start();
            writers.add(w);
        }
        start.countDown();
        for (Thread w : writers) {
            w.join();
        }
        done.set(true);
        snapshots.join();

        MetricsSnapshot end = metrics.snapshot();
        long total = (long) THREADS * PER_THREAD;
        assertEquals(total, jobs(end));
        assertEquals(
                total,
                ((CounterSnapshot) end.family("tasker_jobs_by_lookup").orElseThrow())
                        .points()
                        .get(0)
                        .value());
        HistogramSnapshot.Point d = ((HistogramSnapshot)
                        end.family("tasker_job_duration_seconds").orElseThrow())
                .points()
                .get(0);
        assertEquals(total, d.count());
        assertEquals(total * 0.125, d.sum());
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i) >= seen.get(i - 1), "a snapshot saw the counter go back at " + i);
        }
    }

    private static double jobs(MetricsSnapshot s) {
        return s.family("tasker_jobs")
                .map(f -> ((CounterSnapshot) f).points().get(0).value())
                .orElse(0.0);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
