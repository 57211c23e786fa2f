package io.tasker.metrics.export;

import io.tasker.metrics.Clock;
import io.tasker.metrics.snapshot.MetricsSnapshot;
import io.tasker.metrics.store.CacheStore;
import io.tasker.metrics.store.CacheStores;
import io.tasker.metrics.sync.ClusterReader;
import io.tasker.metrics.sync.SyncOptions;
import java.time.Duration;

/**
 * An exporter in its own JVM for the race test: it waits for the agreed moment, tries the
 * coordinated export once (a delivery that takes a while, so the lock is held during the race),
 * and prints {@code OUTCOME <outcome> <error>}.
 *
 * <p>Arguments: cache URL, namespace, instance id, start time in epoch milliseconds.
 */
public final class ExportRaceWorker {
    private ExportRaceWorker() {}

    public static void main(String[] args) throws Exception {
        try (CacheStore store = CacheStores.open(args[0], Duration.ofSeconds(5), Clock.SYSTEM)) {
            ExportRecord r = race(store, args[1], args[2], Long.parseLong(args[3]));
            System.out.println("OUTCOME " + r.outcome() + " " + r.error());
        }
    }

    static ExportRecord race(CacheStore store, String namespace, String instance, long startAt)
            throws InterruptedException {
        ClusterReader reader =
                new ClusterReader(store, SyncOptions.defaults(instance).withNamespace(namespace), Clock.SYSTEM);
        ExportCoordinator coordinator = new ExportCoordinator(
                reader,
                () -> instance,
                new ExportTiming(Duration.ofMinutes(5), Duration.ofMinutes(1), Duration.ofMinutes(2)),
                Duration.ofMinutes(5),
                0,
                Clock.SYSTEM,
                d -> Thread.sleep(d.toMillis()));
        long wait = startAt - System.currentTimeMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
        return coordinator.export(new SlowDestination(Duration.ofSeconds(2)), "race");
    }

    /** A destination that takes its time, as a large remote write does. */
    record SlowDestination(Duration takes) implements ExportDestination {
        @Override
        public String describe() {
            return "slow";
        }

        @Override
        public String format() {
            return "prometheus";
        }

        @Override
        public Delivery deliver(MetricsSnapshot snapshot) throws java.io.IOException {
            try {
                Thread.sleep(takes.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.IOException("interrupted", e);
            }
            return new Delivery(snapshot.seriesCount(), 0, 1, null, null);
        }
    }
}
