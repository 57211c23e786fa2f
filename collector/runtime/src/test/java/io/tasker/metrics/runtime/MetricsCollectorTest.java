package io.tasker.metrics.runtime;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.Clock;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.snapshot.CounterSnapshot;
import io.tasker.metrics.store.CacheStore;
import io.tasker.metrics.store.MemoryStore;
import io.tasker.metrics.store.StoreCapabilities;
import io.tasker.metrics.store.StoreException;
import io.tasker.metrics.sync.SyncOptions;
import io.tasker.metrics.sync.SyncResult;
import io.tasker.metrics.sync.SyncStrategy;
import io.tasker.metrics.testing.ClockedMemoryStore;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class MetricsCollectorTest {
    @Test
    void theStartAndStopLinesNameTheInstanceStoreStrategyIntervalAndFinalSync() {
        MemoryStore store = new MemoryStore(Clock.SYSTEM);
        MetricRegistry registry = new MetricRegistry();
        registry.counter("jobs_total").inc();
        try (MetricsCollector collector = MetricsCollector.start(
                registry, store, SyncOptions.defaults("web-1"), Duration.ofSeconds(30), Clock.SYSTEM)) {
            assertEquals(
                    "Tasker Metrics started: instance web-1, store memory:, strategy local_only, sync every 30s",
                    collector.startLine(Duration.ofSeconds(30)));
            assertTrue(collector.startLine(Duration.ZERO).endsWith("sync on demand only"));
            SyncResult last = collector.syncNow();
            assertEquals(
                    "Tasker Metrics stopped: instance web-1, store memory:, final sync succeeded (1 series, "
                            + last.seriesChanged() + " changed)",
                    collector.stopLine(last));
            SyncResult failed = new SyncResult(
                    last.at(),
                    last.strategy(),
                    0,
                    0,
                    0,
                    0,
                    0,
                    1,
                    0,
                    Duration.ZERO,
                    "Redis at redis://cache:6379/0 cannot be reached");
            assertTrue(
                    collector
                            .stopLine(failed)
                            .endsWith("final sync failed: Redis at redis://cache:6379/0 cannot be reached"),
                    collector.stopLine(failed));
        }
    }

    @Test
    void syncsFailingForTheSameReasonAreReportedAsFailingUntilOneSucceeds() {
        ClockedMemoryStore store = new ClockedMemoryStore(new MemoryStore(Clock.SYSTEM));
        MetricRegistry registry = new MetricRegistry();
        try (MetricsCollector collector = MetricsCollector.start(
                registry, store, SyncOptions.defaults("web-1").withFailureThreshold(3), Duration.ZERO, Clock.SYSTEM)) {
            assertTrue(collector.syncNow().success());
            store.failNext(1_000);
            int syncs = 0;
            while (!collector.syncFailing() && syncs < 10) {
                assertFalse(collector.syncNow().success());
                syncs++;
            }
            assertTrue(collector.syncFailing(), "failing after " + syncs + " syncs");
            assertTrue(
                    syncs <= 4, syncs + " syncs: the first fails in the sync, the rest in the probe, for one reason");
            assertEquals(3, collector.lastSync().orElseThrow().failureStreak());
            store.failNext(0);
            assertTrue(collector.syncNow().success());
            assertFalse(collector.syncFailing());
        }
    }

    @Test
    void syncsInTheBackgroundAndOnClose() throws Exception {
        MemoryStore store = new MemoryStore(Clock.SYSTEM);
        MetricRegistry registry = new MetricRegistry();
        MetricsCollector collector = MetricsCollector.start(
                registry, store, SyncOptions.defaults("web-1"), Duration.ofMillis(50), Clock.SYSTEM);
        assertEquals(SyncStrategy.LOCAL_ONLY, collector.storeStatus().strategy());
        assertTrue(collector.storeStatus().healthy());
        registry.counter("jobs_total").inc(3);
        SyncResult first = await().alias("a background sync")
                .atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(20))
                .until(collector::lastSync, Optional::isPresent)
                .orElseThrow();
        assertTrue(first.success(), first.toString());
        registry.counter("jobs_total").inc(1);
        collector.close();
        MetricsCollector reader = MetricsCollector.start(
                new MetricRegistry(), store, SyncOptions.defaults("reader"), Duration.ZERO, Clock.SYSTEM);
        CounterSnapshot jobs = (CounterSnapshot)
                reader.clusterView().snapshot().family("tasker_jobs").orElseThrow();
        assertEquals(4, jobs.points().get(0).value(), "the final sync on close got the last increment across");
    }

    @Test
    void anUnreachableStoreLeavesTheCollectorRecordingAndSyncResumesWhenItIsBack() {
        AtomicBoolean down = new AtomicBoolean(true);
        CacheStore store = flaky(new MemoryStore(Clock.SYSTEM), down);
        MetricRegistry registry = new MetricRegistry();
        MetricsCollector collector =
                MetricsCollector.start(registry, store, SyncOptions.defaults("web-1"), Duration.ZERO, Clock.SYSTEM);
        StoreStatus status = collector.storeStatus();
        assertFalse(status.healthy());
        assertEquals(SyncStrategy.LOCAL_ONLY, status.strategy());
        assertEquals(StoreCapabilities.NONE, status.confirmed());
        assertTrue(status.error().contains("recording locally"), status.error());
        registry.counter("jobs_total").inc(2);
        SyncResult failed = collector.syncNow();
        assertFalse(failed.success());
        down.set(false);
        SyncResult ok = collector.syncNow();
        assertTrue(ok.success(), ok.toString());
        assertTrue(collector.storeStatus().healthy());
        assertEquals(1, collector.clusterView().snapshot().families().size());
        collector.close();
    }

    @Test
    void syncListenersHearBackgroundSyncsAndOneThatThrowsStopsNothing() throws Exception {
        MemoryStore store = new MemoryStore(Clock.SYSTEM);
        List<SyncResult> heard = new CopyOnWriteArrayList<>();
        MetricsCollector collector = MetricsCollector.start(
                new MetricRegistry(), store, SyncOptions.defaults("web-1"), Duration.ofMillis(50), Clock.SYSTEM);
        collector.addSyncListener(r -> {
            throw new IllegalStateException("a listener's bug");
        });
        collector.addSyncListener(heard::add);
        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(20))
                .untilAsserted(() -> assertTrue(heard.size() >= 2, "background syncs heard: " + heard.size()));
        assertTrue(heard.stream().allMatch(SyncResult::success), heard.toString());
        int before = heard.size();
        collector.close();
        assertTrue(heard.size() > before, "the final sync on close is heard too");
    }

    /** A store that throws as an unreachable one would while {@code down} is set. */
    private static CacheStore flaky(CacheStore delegate, AtomicBoolean down) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (down.get()
                    && !method.getName().equals("description")
                    && !method.getName().equals("declaredCapabilities")
                    && !method.getName().equals("close")) {
                throw new StoreException("memory: is down (test)");
            }
            return method.invoke(delegate, args);
        };
        return (CacheStore)
                Proxy.newProxyInstance(CacheStore.class.getClassLoader(), new Class<?>[] {CacheStore.class}, handler);
    }
}
