package io.tasker.metrics.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tasker.metrics.Clock;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.jvm.JvmMetrics;
import io.tasker.metrics.snapshot.CounterSnapshot;
import io.tasker.metrics.snapshot.GaugeSnapshot;
import io.tasker.metrics.snapshot.MetricFamilySnapshot;
import io.tasker.metrics.snapshot.MetricsSnapshot;
import io.tasker.metrics.store.MemoryStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Two instances' JVM metrics in the cluster view: counters add up, gauges stay apart by instance. */
class JvmMetricsClusterViewTest {
    @Test
    void countersAddUpAndGaugesKeepTheirInstance() {
        MemoryStore store = new MemoryStore(Clock.SYSTEM);
        List<MetricsSnapshot> synced = new ArrayList<>();
        for (String id : List.of("web-1", "web-2")) {
            MetricRegistry registry = new MetricRegistry();
            JvmMetrics.register(registry);
            new ClusterSync(store, SyncOptions.defaults(id), Clock.SYSTEM, () -> {
                        MetricsSnapshot s = registry.snapshot();
                        synced.add(s);
                        return s;
                    })
                    .sync(SyncStrategy.DISTRIBUTED_ATOMIC);
        }
        MetricsSnapshot view = new ClusterReader(store, SyncOptions.defaults("reader"), Clock.SYSTEM)
                .readView()
                .snapshot();
        double cpu = synced.stream()
                .mapToDouble(s -> counter(s, "process_cpu_seconds"))
                .sum();
        assertEquals(cpu, counter(view, "process_cpu_seconds"), 1e-9);
        GaugeSnapshot threads = (GaugeSnapshot) family(view, "jvm_threads_current");
        Set<String> instances =
                threads.points().stream().map(p -> p.labels().get("instance")).collect(Collectors.toSet());
        assertEquals(Set.of("web-1", "web-2"), instances);
    }

    private static double counter(MetricsSnapshot snapshot, String name) {
        return ((CounterSnapshot) family(snapshot, name)).points().get(0).value();
    }

    private static MetricFamilySnapshot family(MetricsSnapshot snapshot, String name) {
        return snapshot.families().stream()
                .filter(f -> f.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + name));
    }
}
