package io.tasker.metrics.testing;

import io.tasker.metrics.Clock;
import io.tasker.metrics.ManualClock;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.RegistryOptions;
import io.tasker.metrics.snapshot.CounterSnapshot;
import io.tasker.metrics.snapshot.GaugeSnapshot;
import io.tasker.metrics.snapshot.HistogramSnapshot;
import io.tasker.metrics.snapshot.Labels;
import io.tasker.metrics.snapshot.MetricsSnapshot;
import io.tasker.metrics.store.CacheStore;
import io.tasker.metrics.sync.ClusterReader;
import io.tasker.metrics.sync.ClusterSync;
import io.tasker.metrics.sync.SyncOptions;
import java.time.Instant;
import java.util.function.Function;

/** Instances (a registry and its sync each) sharing one store and one manual clock. */
public final class SyncFixture {
    /** The clock every instance and the store read, starting at 2026-01-01T12:00:00Z. */
    public final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T12:00:00Z"));
    /** The store the instances share. */
    public final CacheStore store;
    /** The options each instance syncs with, apart from its id. */
    public final SyncOptions options;

    /**
     * A fixture whose store is made on its clock.
     *
     * @param storeOnClock makes the shared store from the fixture's clock
     * @param options the options each instance syncs with; their instance id is replaced per instance
     */
    public SyncFixture(Function<Clock, CacheStore> storeOnClock, SyncOptions options) {
        this.store = storeOnClock.apply(clock);
        this.options = options;
    }

    /**
     * A new instance: a registry on the fixture's clock, with a sync and a reader on the shared store.
     *
     * @param id the instance's id
     * @return the instance
     */
    public Instance instance(String id) {
        MetricRegistry registry = new MetricRegistry(RegistryOptions.defaults().withClock(clock));
        SyncOptions o = new SyncOptions(
                options.namespace(),
                id,
                options.batchSize(),
                options.retentionWindow(),
                options.instanceTimeout(),
                options.includeInstanceLabels());
        return new Instance(
                registry, new ClusterSync(store, o, clock, registry::snapshot), new ClusterReader(store, o, clock));
    }

    /**
     * One instance of the fixture.
     *
     * @param registry what it records into
     * @param sync its sync to the shared store
     * @param reader its reader of the cluster view
     */
    public record Instance(MetricRegistry registry, ClusterSync sync, ClusterReader reader) {}

    /**
     * A counter's value in a snapshot, summed over the points with exactly these labels.
     *
     * @param s the snapshot
     * @param family the counter's base name
     * @param labels label names and values, alternating
     * @return the value; 0 when the family or series is absent
     */
    public static double counter(MetricsSnapshot s, String family, String... labels) {
        return s.family(family)
                .map(f -> ((CounterSnapshot) f)
                        .points().stream()
                                .filter(p -> p.labels().equals(Labels.of(labels)))
                                .mapToDouble(CounterSnapshot.Point::value)
                                .sum())
                .orElse(0.0);
    }

    /**
     * A gauge's point in a snapshot with exactly these labels.
     *
     * @param s the snapshot
     * @param family the gauge's name
     * @param labels label names and values, alternating
     * @return the point
     * @throws java.util.NoSuchElementException when the family or series is absent
     */
    public static GaugeSnapshot.Point gauge(MetricsSnapshot s, String family, String... labels) {
        return ((GaugeSnapshot) s.family(family).orElseThrow())
                .points().stream()
                        .filter(p -> p.labels().equals(Labels.of(labels)))
                        .findFirst()
                        .orElseThrow();
    }

    /**
     * A histogram's point in a snapshot with exactly these labels.
     *
     * @param s the snapshot
     * @param family the histogram's name
     * @param labels label names and values, alternating
     * @return the point
     * @throws java.util.NoSuchElementException when the family or series is absent
     */
    public static HistogramSnapshot.Point histogram(MetricsSnapshot s, String family, String... labels) {
        return ((HistogramSnapshot) s.family(family).orElseThrow())
                .points().stream()
                        .filter(p -> p.labels().equals(Labels.of(labels)))
                        .findFirst()
                        .orElseThrow();
    }
}
