package io.tasker.metrics.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.Counter;
import io.tasker.metrics.Gauge;
import io.tasker.metrics.Histogram;
import io.tasker.metrics.ManualClock;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.RegistryOptions;
import io.tasker.metrics.snapshot.CounterSnapshot;
import io.tasker.metrics.snapshot.GaugeSnapshot;
import io.tasker.metrics.snapshot.HistogramSnapshot;
import io.tasker.metrics.snapshot.MetricsSnapshot;
import io.tasker.metrics.store.MemoryStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A hundred and twenty instances through sync, the streaming view read and a fold of the
 * stopped ones: every series adds up to the unit, histograms' counts and sketches included, and
 * gauges stay one series per instance.
 */
class ManyInstancesViewTest {
    private static final int INSTANCES = 120;
    private static final int TASKS = 30;

    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T12:00:00Z"));
    private final MemoryStore store = new MemoryStore(clock);
    private final SyncOptions options =
            new SyncOptions("many", "reader", 16, Duration.ofMinutes(30), Duration.ofMinutes(10), true);
    private final long[] expectedJobs = new long[TASKS];
    private final long[] expectedObservations = new long[TASKS];

    @Test
    void everySeriesAddsUpExactlyBeforeAndAfterAFold() {
        List<ClusterSync> syncs = new ArrayList<>();
        for (int i = 0; i < INSTANCES; i++) {
            syncs.add(instance("replica-" + i, new Random(i)));
        }
        ClusterReader reader = new ClusterReader(store, options, clock);
        ClusterView view = reader.readView();
        assertEquals(INSTANCES, view.instances().size());
        assertTotals(view.snapshot());
        assertEquals(INSTANCES, gaugeSeries(view.snapshot()), "one queue_depth series per instance");

        clock.advance(Duration.ofMinutes(11));
        for (ClusterSync survivor : syncs.subList(0, 10)) {
            assertTrue(survivor.sync(SyncStrategy.LOCAL_ONLY).success());
        }
        assertEquals(
                INSTANCES - 10,
                reader.maintenance().housekeep(SyncStrategy.DISTRIBUTED_ATOMIC).retiredInstances());
        ClusterView after = reader.readView();
        assertEquals(10, after.instances().size());
        assertEquals(List.of(), after.problems());
        assertTotals(after.snapshot());
        assertEquals(10, gaugeSeries(after.snapshot()), "stopped instances' gauges are gone");
    }

    /** An instance that records a random amount of work, then syncs it (in chunks of 16 series). */
    private ClusterSync instance(String id, Random random) {
        MetricRegistry registry = new MetricRegistry(RegistryOptions.defaults().withClock(clock));
        Counter jobs = Counter.builder("jobs_total").labelNames("task").register(registry);
        Histogram seconds =
                Histogram.builder("job_seconds").labelNames("task").quantiles().register(registry);
        Gauge.builder("queue_depth").register(registry).labels().set(random.nextInt(100));
        for (int t = 0; t < TASKS; t++) {
            int n = random.nextInt(50);
            jobs.labels("t" + t).inc(n);
            expectedJobs[t] += n;
            for (int k = 0; k < n % 7; k++) {
                seconds.labels("t" + t).observe(0.01 + random.nextDouble());
                expectedObservations[t]++;
            }
        }
        ClusterSync sync = new ClusterSync(
                store,
                new SyncOptions(
                        options.namespace(),
                        id,
                        options.batchSize(),
                        options.retentionWindow(),
                        options.instanceTimeout(),
                        true),
                clock,
                registry::snapshot);
        assertTrue(sync.sync(SyncStrategy.DISTRIBUTED_ATOMIC).success());
        return sync;
    }

    private void assertTotals(MetricsSnapshot view) {
        CounterSnapshot jobs = (CounterSnapshot) view.family("tasker_jobs").orElseThrow();
        HistogramSnapshot seconds =
                (HistogramSnapshot) view.family("tasker_job_seconds").orElseThrow();
        for (int t = 0; t < TASKS; t++) {
            String task = "t" + t;
            assertEquals(
                    expectedJobs[t],
                    jobs.points().stream()
                            .filter(p -> task.equals(p.labels().get("task")))
                            .mapToDouble(CounterSnapshot.Point::value)
                            .sum(),
                    task);
            long observed = expectedObservations[t];
            seconds.points().stream()
                    .filter(p -> task.equals(p.labels().get("task")))
                    .forEach(p -> {
                        assertEquals(observed, p.count(), task);
                        assertEquals(observed, p.quantiles().count(), task);
                    });
        }
    }

    private static long gaugeSeries(MetricsSnapshot view) {
        return view.family("tasker_queue_depth")
                .map(f -> (long) ((GaugeSnapshot) f).points().size())
                .orElse(0L);
    }
}
