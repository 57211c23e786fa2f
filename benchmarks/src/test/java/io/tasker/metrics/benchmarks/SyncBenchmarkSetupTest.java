package io.tasker.metrics.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tasker.metrics.ManualClock;
import io.tasker.metrics.snapshot.MetricFamilySnapshot;
import io.tasker.metrics.snapshot.MetricsSnapshot;
import io.tasker.metrics.store.MemoryStore;
import io.tasker.metrics.sync.ClusterSync;
import io.tasker.metrics.sync.SyncOptions;
import io.tasker.metrics.sync.SyncResult;
import io.tasker.metrics.sync.SyncStrategy;
import io.tasker.metrics.sync.internal.Chunking;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Checks that {@link SyncBenchmark} measures the work it says, at tiny sizes on an in-process
 * store: the workload holds exactly the series asked for, every one of them changes between two
 * syncs, and the benchmark's own chunking matches the sync's.
 */
class SyncBenchmarkSetupTest {

    @Test
    void theWorkloadHasTheSeriesAskedForAndEveryOneChangesBetweenSyncs() {
        SyncWorkload w = new SyncWorkload(100, 20);
        assertEquals(100, w.series());
        assertEquals(10, w.histogramSeries());
        assertEquals(100, w.registry().snapshot().seriesCount(), "no two series share their labels");

        ManualClock clock = new ManualClock(Instant.parse("2026-01-01T12:00:00Z"));
        SyncOptions options = SyncCases.options("t", "a").withBatchSize(30);
        ClusterSync sync = new ClusterSync(new MemoryStore(clock), options, clock, w.registry()::snapshot);
        assertEquals(100, sync.sync(SyncStrategy.DISTRIBUTED_ATOMIC).seriesSynced());
        w.changeAll();
        // The sync counts a series as changed only when its change time moves, so time must pass
        // between two syncs (as it does in the benchmark: a second each).
        clock.advance(Duration.ofSeconds(1));
        SyncResult second = sync.sync(SyncStrategy.DISTRIBUTED_ATOMIC);
        assertEquals(100, second.seriesSynced());
        assertEquals(100, second.seriesChanged(), "every series changed");
        assertEquals(4, second.batches());

        MetricsSnapshot snapshot = w.registry().snapshot();
        List<List<MetricFamilySnapshot>> chunks = Chunking.split(snapshot.families(), 30);
        assertEquals(
                List.of(30, 30, 30, 10),
                chunks.stream()
                        .map(c -> c.stream().mapToInt(f -> f.points().size()).sum())
                        .toList());
    }

    @Test
    void theCasesCheckWhatTheyMeasure() {
        SyncCases cases = new SyncCases("memory", new MemoryStore(new ManualClock(Instant.now())));
        SyncCases.Runs one = new SyncCases.Runs(1, 2);
        SyncCases.SyncFigures sync = cases.sync(50, one);
        assertEquals(50, sync.series());
        assertEquals(1, sync.chunks());
        SyncCases.Cluster cluster = cases.new Cluster(3, 40);
        SyncCases.ViewFigures view = cases.view("tiny", cluster, 3, cluster.expected, one);
        assertEquals(3, view.chunks());
    }

    @Test
    void statisticsAndItemSize() {
        Timing t = Timing.of(new long[] {5_000_000, 1_000_000, 3_000_000, 2_000_000, 4_000_000});
        assertEquals(new Timing(5, 3.0, 5.0, 5.0), t);
        assertEquals("1m", SyncBenchmark.itemSize(135 * 1024));
        assertEquals("2m", SyncBenchmark.itemSize(700 * 1024));
    }
}
