package io.tasker.metrics.testing;

import io.tasker.metrics.sync.ClusterReader;
import io.tasker.metrics.sync.ClusterSync;
import io.tasker.metrics.sync.SyncOptions;
import io.tasker.metrics.ManualClock;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.RegistryOptions;
import io.tasker.metrics.snapshot.CounterSnapshot;
import io.tasker.metrics.snapshot.GaugeSnapshot;
import io.tasker.metrics.snapshot.HistogramSnapshot;
import io.tasker.metrics.snapshot.Labels;
import io.tasker.metrics.snapshot.MetricsSnapshot;
import io.tasker.metrics.store.CacheStore;
import java.time.Instant;

/** Instances (a registry and its sync each) sharing one store and one manual clock. */
public final class SyncFixture {
    public final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T12:00:00Z"));
    public final CacheStore store;
    public final SyncOptions options;

    public SyncFixture(java.util.function.Function<io.tasker.metrics.Clock, CacheStore> storeOnClock, SyncOptions options) {
        this.store = storeOnClock.apply(clock);
        this.options = options;
    }

    public Instance instance(String id) {
        MetricRegistry registry = new MetricRegistry(RegistryOptions.defaults().withClock(clock));
        SyncOptions o = new SyncOptions(options.namespace(), id, options.batchSize(), options.retentionWindow(),
                options.instanceTimeout(), options.includeInstanceLabels());
        return new Instance(registry, new ClusterSync(store, o, clock, registry::snapshot), new ClusterReader(store, o, clock));
    }

    public record Instance(MetricRegistry registry, ClusterSync sync, ClusterReader reader) {
    }

    public static double counter(MetricsSnapshot s, String family, String... labels) {
        return s.family(family).map(f -> ((CounterSnapshot) f).points().stream()
                .filter(p -> p.labels().equals(Labels.of(labels))).mapToDouble(CounterSnapshot.Point::value)
                .sum()).orElse(0.0);
    }

    public static GaugeSnapshot.Point gauge(MetricsSnapshot s, String family, String... labels) {
        return ((GaugeSnapshot) s.family(family).orElseThrow()).points().stream()
                .filter(p -> p.labels().equals(Labels.of(labels))).findFirst().orElseThrow();
    }

    public static HistogramSnapshot.Point histogram(MetricsSnapshot s, String family, String... labels) {
        return ((HistogramSnapshot) s.family(family).orElseThrow()).points().stream()
                .filter(p -> p.labels().equals(Labels.of(labels))).findFirst().orElseThrow();
    }
}
