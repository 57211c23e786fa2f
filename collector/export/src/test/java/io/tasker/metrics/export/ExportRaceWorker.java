package io.tasker.metrics.export;

import io.tasker.metrics.Clock;
import io.tasker.metrics.snapshot.MetricsSnapshot;
import io.tasker.metrics.store.CacheStore;
import io.tasker.metrics.store.CacheStores;
import io.tasker.metrics.sync.ClusterReader;
import io.tasker.metrics.sync.SyncOptions;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * An exporter in its own JVM for the race test: once ready it prints {@code READY}, reads the
 * agreed moment (epoch milliseconds) from its standard input, waits for it, tries the coordinated
 * export once (a delivery that takes a while, so the lock is held during the race), and prints
 * {@code OUTCOME <outcome> <error>}. The moment is agreed only once every exporter is ready, so a
 * JVM slow to start on a busy machine cannot arrive after the race is over.
 *
 * <p>Arguments: cache URL, namespace, instance id.
 */
public final class ExportRaceWorker {
    private ExportRaceWorker() {}

    public static void main(String[] args) throws Exception {
        try (CacheStore store = CacheStores.open(args[0], Duration.ofSeconds(5), Clock.SYSTEM)) {
            ExportCoordinator coordinator = coordinator(store, args[1], args[2]);
            System.out.println("READY");
            System.out.flush();
            long startAt = Long.parseLong(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                    .readLine()
                    .strip());
            ExportRecord r = race(coordinator, startAt);
            System.out.println("OUTCOME " + r.outcome() + " " + r.error());
        }
    }

    static ExportCoordinator coordinator(CacheStore store, String namespace, String instance) {
        ClusterReader reader =
                new ClusterReader(store, SyncOptions.defaults(instance).withNamespace(namespace), Clock.SYSTEM);
        return new ExportCoordinator(
                reader,
                () -> instance,
                new ExportTiming(Duration.ofMinutes(5), Duration.ofMinutes(1), Duration.ofMinutes(2)),
                Duration.ofMinutes(5),
                0,
                Clock.SYSTEM,
                d -> Thread.sleep(d.toMillis())); // The coordinator's real back-off, in a worker process.
    }

    static ExportRecord race(ExportCoordinator coordinator, long startAt) throws InterruptedException {
        long wait = startAt - System.currentTimeMillis();
        if (wait > 0) {
            Thread.sleep(wait); // Every worker starts at the same agreed instant, so that they race.
        }
        return coordinator.export(new SlowDestination(Duration.ofSeconds(2)), ExportTrigger.CLI);
    }

    /** A destination that takes its time, as a large remote write does. */
    record SlowDestination(Duration takes) implements ExportDestination {
        @Override
        public String describe() {
            return "slow";
        }

        @Override
        public ExportFormat format() {
            return ExportFormat.PROMETHEUS;
        }

        @Override
        public Delivery deliver(MetricsSnapshot snapshot) throws java.io.IOException {
            try {
                Thread.sleep(takes.toMillis()); // Slow on purpose: the race is over a delivery in progress.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.IOException("interrupted", e);
            }
            return new Delivery(snapshot.seriesCount(), 0, 1, null, null);
        }
    }
}
