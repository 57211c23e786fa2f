package io.tasker.metrics.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.ManualClock;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.RegistryOptions;
import io.tasker.metrics.snapshot.CounterSnapshot;
import io.tasker.metrics.snapshot.MetricsSnapshot;
import io.tasker.metrics.store.CacheStore;
import io.tasker.metrics.store.MemoryStore;
import io.tasker.metrics.store.StoreException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Reading the cluster stays a read; the writes made on its behalf are the maintenance's, under
 * one error policy: never thrown, always reported.
 */
class StoreMaintenanceTest {
    private static final Set<String> WRITES = Set.of(
            "putIfNewer",
            "putAllIfNewer",
            "compareAndSet",
            "add",
            "delete",
            "deleteIfEquals",
            "touch",
            "touchIfEquals",
            "increment");

    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T12:00:00Z"));
    private CacheStore backing = new MemoryStore(clock);
    private final List<String> written = new ArrayList<>();
    private final CacheStore store = store((method, args) -> {
        if (WRITES.contains(method)) {
            written.add(method + " " + args[0]);
        }
        return backing;
    });

    @Test
    void afterALossTheReaderCountsItsCopyWritingNothingButTheEpochAndTheMaintenanceWritesItBack() {
        MetricRegistry a = registry(10);
        MetricRegistry b = registry(5);
        ClusterSync syncA = sync("a", a);
        ClusterSync syncB = sync("b", b);
        assertTrue(syncB.retire(), "b stops: its 5 are folded into the retired totals");
        ClusterReader console = new ClusterReader(store, options("console"), clock);
        assertEquals(15, jobs(console.readView().snapshot()));

        backing = new MemoryStore(clock); // The store loses everything (a flush, a restart).
        written.clear();
        ClusterView view = console.readView();

        assertEquals(
                5, jobs(view.snapshot()), "the retired 5 still count, from the reader's copy; a writes again later");
        assertTrue(view.afterLoss());
        assertEquals(
                List.of(),
                written.stream().filter(w -> !w.endsWith(":epoch")).toList(),
                "reading wrote nothing but the epoch marker");

        assertTrue(console.maintenance().restoreRetired(), "the maintenance writes the copy back");
        assertFalse(console.maintenance().restoreRetired(), "once");
        assertTrue(syncA.sync(SyncStrategy.DISTRIBUTED_ATOMIC).success());
        assertEquals(
                15,
                jobs(new ClusterReader(store, options("cli"), clock).readView().snapshot()));
    }

    @Test
    void maintenanceReportsEveryFailureAndThrowsNone() {
        CacheStore broken = store((method, args) -> {
            throw method.equals("get") || method.equals("getAll")
                    ? new StoreException("connection refused")
                    : new IllegalStateException("a record that does not decode");
        });
        StoreMaintenance maintenance = new ClusterReader(broken, options("cli"), clock).maintenance();

        SyncResult housekeeping = maintenance.housekeep(SyncStrategy.DISTRIBUTED_ATOMIC);
        assertFalse(housekeeping.success());
        assertEquals("connection refused", housekeeping.error());
        assertTrue(maintenance.extendTtl(Duration.ofMinutes(1)).isEmpty());
        assertFalse(maintenance.restoreRetired());
    }

    private MetricRegistry registry(int jobs) {
        MetricRegistry registry = new MetricRegistry(RegistryOptions.defaults().withClock(clock));
        registry.counter("jobs_total").inc(jobs);
        return registry;
    }

    private ClusterSync sync(String id, MetricRegistry registry) {
        ClusterSync sync = new ClusterSync(store, options(id), clock, registry::snapshot);
        assertTrue(sync.sync(SyncStrategy.DISTRIBUTED_ATOMIC).success());
        return sync;
    }

    private static double jobs(MetricsSnapshot view) {
        return view.family("tasker_jobs")
                .map(f -> ((CounterSnapshot) f)
                        .points().stream()
                                .mapToDouble(CounterSnapshot.Point::value)
                                .sum())
                .orElse(0.0);
    }

    private static SyncOptions options(String id) {
        return new SyncOptions("upkeep", id, 100, Duration.ofMinutes(30), Duration.ofMinutes(10), false);
    }

    /** Which store a call goes to, after seeing it: the way to count, fail or swap a real store's calls. */
    private interface Route {
        CacheStore target(String method, Object[] args);
    }

    private CacheStore store(Route route) {
        CacheStore describer = new MemoryStore(clock);
        return (CacheStore) Proxy.newProxyInstance(
                CacheStore.class.getClassLoader(), new Class<?>[] {CacheStore.class}, (proxy, method, args) -> {
                    Object[] given = args == null ? new Object[0] : args;
                    CacheStore target = switch (method.getName()) {
                        case "description", "declaredCapabilities", "close", "probe" -> describer;
                        default -> route.target(method.getName(), given);
                    };
                    try {
                        return method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
