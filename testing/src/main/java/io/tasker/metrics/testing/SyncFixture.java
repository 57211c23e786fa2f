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
    /** The clock every instance and the store of the fixture share; tests move it. */
    public final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T12:00:00Z"));
    /** The store the instances sync to. */
    public final CacheStore store;
    /** The options each instance takes, with its own id. */
    public final SyncOptions options;

    /** A fixture whose store {@code storeOnClock} opens on the fixture's clock. */
    public SyncFixture(java.util.function.Function<io.tasker.metrics.Clock, CacheStore> storeOnClock, SyncOptions options) {
        this.store = storeOnClock.apply(clock);
        this.options = options;
    }

    /** A new instance with its own registry, writer and reader, under {@code id}. */
    public Instance instance(String id) {
        MetricRegistry registry = new MetricRegistry(RegistryOptions.defaults().withClock(clock));
        SyncOptions o = new SyncOptions(options.namespace(), id, options.batchSize(), options.retentionWindow(),
                options.instanceTimeout(), options.includeInstanceLabels());
        return new Instance(registry, new ClusterSync(store, o, clock, registry::snapshot), new ClusterReader(store, o, clock));
    }

    /** One simulated instance: what it records into, its writer and its reader. */
    public record Instance(MetricRegistry registry, ClusterSync sync, ClusterReader reader) {
    }

    /** A counter's value in {@code s}, or 0 when the series is absent. */
    public static double counter(MetricsSnapshot s, String family, String... labels) {
        return s.family(family).map(f -> ((CounterSnapshot) f).points().stream()
                .filter(p -> p.labels().equals(Labels.of(labels))).mapToDouble(CounterSnapshot.Point::value)
                .sum()).orElse(0.0);
    }

    /** A gauge series of {@code s}. */
    public static GaugeSnapshot.Point gauge(MetricsSnapshot s, String family, String... labels) {
        return ((GaugeSnapshot) s.family(family).orElseThrow()).points().stream()
                .filter(p -> p.labels().equals(Labels.of(labels))).findFirst().orElseThrow();
    }

    /** A histogram series of {@code s}. */
    public static HistogramSnapshot.Point histogram(MetricsSnapshot s, String family, String... labels) {
        return ((HistogramSnapshot) s.family(family).orElseThrow()).points().stream()
                .filter(p -> p.labels().equals(Labels.of(labels))).findFirst().orElseThrow();
    }
}
