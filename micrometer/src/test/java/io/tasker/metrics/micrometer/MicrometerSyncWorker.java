package io.tasker.metrics.micrometer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tasker.metrics.Clock;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.store.CacheStore;
import io.tasker.metrics.store.CacheStores;
import io.tasker.metrics.sync.ClusterSync;
import io.tasker.metrics.sync.SyncOptions;
import io.tasker.metrics.sync.SyncResult;
import io.tasker.metrics.sync.SyncStrategy;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One service instance in its own JVM for {@link TwoJvmRedisSyncTest}: it records only through
 * Micrometer (a counter, a timer and a function counter), syncs to Redis after every round,
 * and prints what it recorded, so that the test knows the ground truth.
 *
 * <p>Arguments: Redis URL, namespace, instance id, rounds.
 */
public final class MicrometerSyncWorker {
    /** Whole binary fractions of a second, so that sums add without rounding anywhere. */
    static final Duration[] DURATIONS = {Duration.ofMillis(125), Duration.ofMillis(250), Duration.ofMillis(500)};

    private MicrometerSyncWorker() {}

    public static void main(String[] args) throws Exception {
        SyncOptions options =
                new SyncOptions(args[1], args[2], 50, Duration.ofSeconds(60), Duration.ofSeconds(30), false);
        int rounds = Integer.parseInt(args[3]);
        MetricRegistry metrics = new MetricRegistry();
        MeterRegistry registry = new TaskerMeterRegistry(metrics);
        AtomicLong handled = new AtomicLong();
        registry.more().counter("messages.handled", java.util.List.of(), handled);
        Timer duration = Timer.builder("job.duration")
                .serviceLevelObjectives(Duration.ofMillis(200))
                .register(registry);
        long ok = 0;
        long failed = 0;
        try (CacheStore store = CacheStores.open(args[0], Duration.ofSeconds(2), Clock.SYSTEM)) {
            ClusterSync sync = new ClusterSync(store, options, Clock.SYSTEM, metrics::snapshot);
            for (int round = 0; round < rounds; round++) {
                for (int i = 0; i < 10; i++) {
                    boolean success = i % 5 != 0;
                    Counter c = registry.counter("jobs.completed", "status", success ? "ok" : "failed");
                    c.increment();
                    ok += success ? 1 : 0;
                    failed += success ? 0 : 1;
                    duration.record(DURATIONS[i % DURATIONS.length]);
                    handled.addAndGet(2);
                }
                SyncResult r = sync.sync(SyncStrategy.DISTRIBUTED_ATOMIC);
                if (!r.success()) {
                    System.out.println("FAILED " + r.error());
                    System.exit(1);
                }
            }
        }
        System.out.println("DONE " + ok + " " + failed);
    }
}
