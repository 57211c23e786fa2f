package io.tasker.metrics.testing;

import static io.tasker.metrics.testing.SyncFixture.counter;
import static io.tasker.metrics.testing.SyncFixture.gauge;
import static io.tasker.metrics.testing.SyncFixture.histogram;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.Clock;
import io.tasker.metrics.Counter;
import io.tasker.metrics.Gauge;
import io.tasker.metrics.Histogram;
import io.tasker.metrics.snapshot.GaugePolicy;
import io.tasker.metrics.snapshot.HistogramSnapshot;
import io.tasker.metrics.snapshot.MetricsSnapshot;
import io.tasker.metrics.store.CacheStore;
import io.tasker.metrics.store.Record;
import io.tasker.metrics.sync.ClusterView;
import io.tasker.metrics.sync.SyncOptions;
import io.tasker.metrics.sync.SyncResult;
import io.tasker.metrics.sync.SyncStrategy;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sync algorithm's promises, run against every store: extend it and return a store that
 * reads time from the given clock (where the store keeps time itself, real time is fine: these
 * tests move the clock by minutes, well inside the store's time to live).
 */
public abstract class ClusterSyncContract {
    /** The strategy the tests sync with. */
    protected static final SyncStrategy ATOMIC = SyncStrategy.DISTRIBUTED_ATOMIC;
    /** The fixture of the running test, made by {@link #setUp()}. */
    protected SyncFixture fx;

    /** For subclasses, which supply the store. */
    protected ClusterSyncContract() {}

    /**
     * A store for one test; keys are namespaced per test, so a server can be shared.
     *
     * @param clock the fixture's clock, for stores that keep time themselves
     * @return a new store
     */
    protected abstract CacheStore newStore(Clock clock);

    /** Makes the test's fixture, without instance labels. */
    @BeforeEach
    protected void setUp() {
        fx = fixture(false);
    }

    /** Closes the fixture's store. */
    @AfterEach
    protected void tearDown() {
        fx.store.close();
    }

    /**
     * A fixture on a new store, in a namespace of its own, with three series per chunk.
     *
     * @param instanceLabels whether gauges are kept apart per instance
     * @return the fixture
     */
    protected SyncFixture fixture(boolean instanceLabels) {
        return new SyncFixture(
                this::newStore,
                SyncOptions.defaults("unused")
                        .withBatchSize(3)
                        .withInstanceLabels(instanceLabels)
                        .withNamespace("t" + UUID.randomUUID().toString().substring(0, 8)));
    }

    @Test
    void instancesAddUpExactlyHoweverOftenTheySync() {
        List<SyncFixture.Instance> instances = List.of(fx.instance("a"), fx.instance("b"), fx.instance("c"));
        for (int round = 0; round < 5; round++) {
            for (int i = 0; i < instances.size(); i++) {
                var inst = instances.get(i);
                inst.registry()
                        .counter("task_executions_total", "status")
                        .labels("success")
                        .inc(i + 1);
                for (int s = 0; s <= round; s++) {
                    assertTrue(inst.sync().sync(ATOMIC).success());
                }
            }
        }
        MetricsSnapshot view = instances.get(0).reader().readView().snapshot();
        assertEquals(5 * (1 + 2 + 3), counter(view, "tasker_task_executions", "status", "success"));
        SyncResult again = instances.get(1).sync().sync(ATOMIC);
        assertEquals(0, again.seriesChanged());
        assertEquals(
                view.families(), instances.get(2).reader().readView().snapshot().families());
    }

    /** The fixture's clock stands still unless a test moves it: changes still count as changes. */
    @Test
    void changesWithinOneMillisecondAreCountedAndSent() {
        var a = fx.instance("a");
        Counter jobs = a.registry().counter("jobs_total", "queue");
        for (int round = 1; round <= 3; round++) {
            jobs.labels("default").inc();
            jobs.labels("bulk").inc();
            SyncResult r = a.sync().sync(ATOMIC);
            assertEquals(2, r.seriesChanged(), "round " + round + ": " + r);
            assertEquals(round, counter(a.reader().readView().snapshot(), "tasker_jobs", "queue", "bulk"));
        }
        assertEquals(0, a.sync().sync(ATOMIC).seriesChanged());
    }

    @Test
    void manySeriesSpreadOverChunksAddUp() {
        var a = fx.instance("a");
        var b = fx.instance("b");
        for (int i = 0; i < 20; i++) {
            a.registry().counter("requests_total", "route").labels("r" + i).inc(i);
            b.registry().counter("requests_total", "route").labels("r" + i).inc(1);
        }
        SyncResult result = a.sync().sync(ATOMIC);
        assertEquals(7, result.batches(), "20 series in chunks of 3");
        b.sync().sync(ATOMIC);
        MetricsSnapshot view = a.reader().readView().snapshot();
        for (int i = 0; i < 20; i++) {
            assertEquals(i + 1, counter(view, "tasker_requests", "route", "r" + i));
        }
    }

    @Test
    void histogramsAddUpBucketsSumCountAndSketches() {
        var a = fx.instance("a");
        var b = fx.instance("b");
        for (var inst : List.of(a, b)) {
            Histogram h = Histogram.builder("task_duration_seconds")
                    .labelNames("task_name")
                    .buckets(0.5, 1)
                    .quantiles()
                    .register(inst.registry());
            for (int i = 1; i <= 500; i++) {
                h.labels("pay").observe((inst.equals(a) ? i : 500 + i) / 1000.0);
            }
            inst.sync().sync(ATOMIC);
        }
        HistogramSnapshot.Point p =
                histogram(a.reader().readView().snapshot(), "tasker_task_duration_seconds", "task_name", "pay");
        assertEquals(1000, p.count());
        assertEquals(500, p.cumulativeCount(0));
        assertEquals(1000, p.cumulativeCount(1));
        assertEquals(500.5, p.sum(), 1e-9);
        assertEquals(0.95, p.quantiles().valueAt(0.95), 0.0095);
        assertEquals(1000, p.quantiles().count());
    }

    @Test
    void gaugesCombineByPolicyOrStayApartPerInstance() {
        var a = fx.instance("a");
        var b = fx.instance("b");
        for (var inst : List.of(a, b)) {
            Gauge.builder("queue_depth").labelNames("queue").register(inst.registry());
            Gauge.builder("in_flight").policy(GaugePolicy.SUM).register(inst.registry());
            Gauge.builder("max_lag_seconds").policy(GaugePolicy.MAX).register(inst.registry());
        }
        a.registry().setGauge("queue_depth", 10, "queue", "default");
        a.registry().setGauge("in_flight", 3);
        a.registry().setGauge("max_lag_seconds", 7);
        a.sync().sync(ATOMIC);
        fx.clock.advance(Duration.ofSeconds(1));
        b.registry().setGauge("queue_depth", 4, "queue", "default");
        b.registry().setGauge("in_flight", 2);
        b.registry().setGauge("max_lag_seconds", 5);
        b.sync().sync(ATOMIC);
        MetricsSnapshot view = a.reader().readView().snapshot();
        assertEquals(4, gauge(view, "tasker_queue_depth", "queue", "default").value(), "b wrote last");
        assertEquals(5, gauge(view, "tasker_in_flight").value());
        assertEquals(7, gauge(view, "tasker_max_lag_seconds").value());

        SyncFixture labelled = fixture(true);
        var c = labelled.instance("c");
        var d = labelled.instance("d");
        c.registry().setGauge("queue_depth", 1, "queue", "q");
        d.registry().setGauge("queue_depth", 2, "queue", "q");
        c.sync().sync(ATOMIC);
        d.sync().sync(ATOMIC);
        MetricsSnapshot apart = c.reader().readView().snapshot();
        assertEquals(
                1,
                gauge(apart, "tasker_queue_depth", "queue", "q", "instance", "c")
                        .value());
        assertEquals(
                2,
                gauge(apart, "tasker_queue_depth", "queue", "q", "instance", "d")
                        .value());
    }

    @Test
    void aStoppedInstanceIsFoldedInAndCountersNeverGoBack() {
        var a = fx.instance("a");
        var b = fx.instance("b");
        a.registry().counter("jobs_total").inc(10);
        b.registry().counter("jobs_total").inc(5);
        b.registry().setGauge("queue_depth", 3);
        a.sync().sync(ATOMIC);
        b.sync().sync(ATOMIC);
        // b stops. a goes on syncing; once b is past the instance timeout, a folds it in.
        for (int i = 0; i < 12; i++) {
            fx.clock.advance(Duration.ofSeconds(30));
            a.registry().counter("jobs_total").inc();
            SyncResult r = a.sync().sync(ATOMIC);
            assertTrue(r.success(), r.toString());
            ClusterView view = a.reader().readView();
            assertEquals(15 + i + 1, counter(view.snapshot(), "tasker_jobs"), "after round " + i);
        }
        ClusterView view = a.reader().readView();
        assertEquals(List.of("a"), view.instances());
        assertEquals(1, view.retiredGeneration());
        assertTrue(view.snapshot().family("tasker_queue_depth").isEmpty(), "a stopped instance's gauges go");
        assertTrue(view.problems().isEmpty(), view.problems().toString());
        // Folding again changes nothing.
        fx.clock.advance(Duration.ofSeconds(30));
        a.sync().sync(ATOMIC);
        assertEquals(27, counter(a.reader().readView().snapshot(), "tasker_jobs"));
    }

    /** A scale-down: many instances stop at once, and the next sync folds them all in one generation. */
    @Test
    void manyInstancesStoppingAtOnceAreFoldedTogether() {
        var a = fx.instance("a");
        a.registry().counter("jobs_total").inc(1);
        a.sync().sync(ATOMIC);
        for (int i = 0; i < 8; i++) {
            var stopping = fx.instance("s" + i);
            stopping.registry().counter("jobs_total").inc(i + 1);
            stopping.registry().observeHistogram("job_seconds", 0.2 * i);
            stopping.sync().sync(ATOMIC);
        }
        fx.clock.advance(Duration.ofMinutes(3));
        SyncResult r = a.sync().sync(ATOMIC);
        assertTrue(r.success(), r.toString());
        ClusterView view = a.reader().readView();
        assertEquals(List.of("a"), view.instances(), "all eight folded by one sync");
        assertEquals(1, view.retiredGeneration());
        assertEquals(1 + 36, counter(view.snapshot(), "tasker_jobs"));
        assertEquals(8, histogram(view.snapshot(), "tasker_job_seconds").count());
        assertTrue(view.problems().isEmpty(), view.problems().toString());
    }

    @Test
    void anInstanceThatWakesUpAfterBeingFoldedIsNotCountedTwice() {
        var a = fx.instance("a");
        var b = fx.instance("b");
        a.registry().counter("jobs_total").inc(10);
        b.registry().counter("jobs_total").inc(5);
        a.sync().sync(ATOMIC);
        b.sync().sync(ATOMIC);
        fx.clock.advance(Duration.ofMinutes(3));
        a.sync().sync(ATOMIC);
        assertEquals(1, a.reader().readView().retiredGeneration(), "b was folded in");
        // b was only paused: it records more and syncs again.
        b.registry().counter("jobs_total").inc(2);
        SyncResult r = b.sync().sync(ATOMIC);
        assertTrue(r.success(), r.toString());
        assertEquals("b~1", b.sync().instanceId());
        assertEquals(17, counter(a.reader().readView().snapshot(), "tasker_jobs"));
        b.registry().counter("jobs_total").inc(1);
        b.sync().sync(ATOMIC);
        a.sync().sync(ATOMIC);
        assertEquals(18, counter(a.reader().readView().snapshot(), "tasker_jobs"));
    }

    /**
     * One life of an instance: a registry with a counter and a histogram (whose quantile sketch
     * a delta against the wrong base cannot subtract), synced once.
     */
    private SyncFixture.Instance life(String id, int jobs) {
        var life = fx.instance(id);
        life.registry().counter("jobs_total").inc(jobs);
        for (int i = 0; i < jobs; i++) {
            life.registry().observeHistogram("job_seconds", 0.001 * (i + 1));
        }
        SyncResult r = life.sync().sync(ATOMIC);
        assertTrue(r.success(), r.toString());
        return life;
    }

    private void assertTotals(SyncFixture.Instance reader, double jobs) {
        ClusterView view = reader.reader().readView();
        assertEquals(jobs, counter(view.snapshot(), "tasker_jobs"), "jobs in " + view.instances());
        assertEquals(
                (long) jobs, histogram(view.snapshot(), "tasker_job_seconds").count());
        assertTrue(view.problems().isEmpty(), view.problems().toString());
    }

    private static void syncsFine(SyncFixture.Instance life, int times) {
        for (int i = 0; i < times; i++) {
            life.registry().counter("jobs_total").inc();
            life.registry().observeHistogram("job_seconds", 0.5);
            SyncResult r = life.sync().sync(ATOMIC);
            assertTrue(r.success(), r.toString());
        }
    }

    @Test
    void aProcessRestartedUnderItsIdBeforeTheTimeoutKeepsTheEarlierLifesTotals() {
        var other = life("web-1", 1);
        life("web-2", 10); // killed: no final sync, no retire
        fx.clock.advance(Duration.ofSeconds(20));
        var second = life("web-2", 3);
        assertEquals("web-2~1", second.sync().instanceId(), "the earlier life keeps its id until it is folded");
        assertTotals(other, 14);
        for (int i = 0; i < 6; i++) { // both sync on, so only the earlier life is folded
            fx.clock.advance(Duration.ofSeconds(30));
            syncsFine(other, 1);
            syncsFine(second, 1);
        }
        assertEquals(List.of("web-1", "web-2~1"), other.reader().readView().instances());
        assertEquals(1, other.reader().readView().retiredGeneration(), "the earlier life was folded");
        assertTotals(other, 14 + 12);
    }

    @Test
    void aProcessRestartedAfterTheTimeoutButBeforeTheFoldWritesItsWholeState() {
        var other = life("web-1", 1);
        life("web-2", 10);
        fx.clock.advance(Duration.ofMinutes(3)); // nobody synced meanwhile, so nobody folded web-2
        var second = life("web-2", 3);
        assertEquals("web-2~1", second.sync().instanceId());
        syncsFine(second, 1);
        assertTotals(other, 15);
        assertEquals(1, other.reader().readView().retiredGeneration(), "web-2's earlier life was folded");
    }

    @Test
    void aProcessRestartedAfterTheFoldWritesItsWholeStateUnderAFreshId() {
        var other = life("web-1", 1);
        life("web-2", 10);
        fx.clock.advance(Duration.ofMinutes(3));
        syncsFine(other, 1); // folds web-2
        assertEquals(1, other.reader().readView().retiredGeneration());
        var second = life("web-2", 3);
        assertEquals("web-2~1", second.sync().instanceId());
        syncsFine(second, 3);
        assertTotals(other, 1 + 1 + 10 + 3 + 3);
    }

    @Test
    void aProcessRestartedAfterItsFreshIdWasFoldedTooTakesTheNextOne() {
        var other = life("web-1", 1);
        life("web-2", 10);
        fx.clock.advance(Duration.ofMinutes(3));
        syncsFine(other, 1);
        var second = life("web-2", 3);
        assertEquals("web-2~1", second.sync().instanceId());
        fx.clock.advance(Duration.ofMinutes(3));
        syncsFine(other, 1); // folds web-2~1
        var third = life("web-2", 5);
        assertEquals("web-2~2", third.sync().instanceId());
        syncsFine(third, 2);
        assertTotals(other, 1 + 2 + 10 + 3 + 5 + 2);
    }

    @Test
    void aGracefulStopFoldsAtOnceAndTheNextLifeGoesOnBesideIt() {
        var other = life("web-1", 1);
        var first = life("web-2", 10);
        assertTrue(first.sync().retire(), "a stop folds the last synced state at once");
        ClusterView view = other.reader().readView();
        assertEquals(List.of("web-1"), view.instances());
        assertEquals(1, view.retiredGeneration());
        assertFalse(first.sync().retire(), "folded once, never twice");
        assertTotals(other, 11);
        var second = life("web-2", 3);
        assertEquals("web-2~1", second.sync().instanceId());
        syncsFine(second, 1);
        assertTotals(other, 15);
    }

    @Test
    void anInstanceWokenTwiceWritesNetOfBothFoldsOfItsOwn() {
        var other = life("web-1", 1);
        var paused = life("web-2", 10);
        for (int wake = 1; wake <= 2; wake++) {
            fx.clock.advance(Duration.ofMinutes(3));
            syncsFine(other, 1);
            syncsFine(paused, 1);
            assertEquals("web-2~" + wake, paused.sync().instanceId());
        }
        assertTotals(other, 1 + 2 + 10 + 2);
    }

    @Test
    void retiredSeriesNobodyTouchesExpireAfterTheRetentionWindow() {
        var a = fx.instance("a");
        var b = fx.instance("b");
        b.registry().counter("old_jobs_total").inc(5);
        a.registry().counter("jobs_total").inc(1);
        a.sync().sync(ATOMIC);
        b.sync().sync(ATOMIC);
        fx.clock.advance(Duration.ofMinutes(3));
        a.sync().sync(ATOMIC);
        assertEquals(5, counter(a.reader().readView().snapshot(), "tasker_old_jobs"));
        fx.clock.advance(Duration.ofMinutes(3));
        a.sync().sync(ATOMIC);
        assertTrue(a.reader().readView().snapshot().family("tasker_old_jobs").isEmpty());
        assertEquals(1, counter(a.reader().readView().snapshot(), "tasker_jobs"));
    }

    @Test
    void aCorruptChunkIsReportedAndTheRestIsRead() {
        var a = fx.instance("a");
        var b = fx.instance("b");
        a.registry().counter("jobs_total").inc(1);
        b.registry().counter("jobs_total").inc(2);
        a.sync().sync(ATOMIC);
        b.sync().sync(ATOMIC);
        fx.store.putIfNewer(
                fx.options.keys().chunk("b", 0),
                new Record(Long.MAX_VALUE, new byte[] {1, 2, 3}),
                Duration.ofMinutes(5));
        ClusterView view = a.reader().readView();
        assertEquals(1, counter(view.snapshot(), "tasker_jobs"));
        assertEquals(1, view.problems().size());
        assertTrue(
                view.problems().get(0).contains(fx.options.keys().chunk("b", 0)),
                view.problems().toString());
    }
}
