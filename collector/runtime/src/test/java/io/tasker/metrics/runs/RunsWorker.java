package io.tasker.metrics.runs;

import io.tasker.metrics.Clock;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.events.EventPublisher;
import io.tasker.metrics.events.Failure;
import io.tasker.metrics.events.PublisherOptions;
import io.tasker.metrics.events.StepCompleted;
import io.tasker.metrics.events.StepFailed;
import io.tasker.metrics.events.StepStarted;
import io.tasker.metrics.events.TaskCompleted;
import io.tasker.metrics.events.TaskFailed;
import io.tasker.metrics.events.TaskStarted;
import io.tasker.metrics.snapshot.MetricsSnapshot;
import io.tasker.metrics.store.CacheStore;
import io.tasker.metrics.store.CacheStores;
import io.tasker.metrics.sync.ClusterSync;
import io.tasker.metrics.sync.SyncOptions;
import io.tasker.metrics.sync.SyncStrategy;
import java.time.Duration;
import java.time.Instant;

/**
 * One recording service in its own JVM: it publishes task runs (every third fails) through an
 * event publisher into its RecentRuns, syncs with RunsSync attached, and says {@code SYNCED n}
 * after each sync. Arguments: cache URL, namespace, instance id, runs, sync rounds, ms between.
 */
public final class RunsWorker {
    private RunsWorker() {}

    /** validate_payment (50 ms), then charge_card (200 ms), which fails in a failing run. */
    private static void run(EventPublisher events, String id, Instant t0, boolean fail) {
        String t = "payment_processing";
        events.publish(new TaskStarted(id, t, t0));
        events.publish(new StepStarted(id, t, "validate_payment", 1, t0));
        events.publish(new StepCompleted(id, t, "validate_payment", 1, t0.plusMillis(50), Duration.ofMillis(50)));
        events.publish(new StepStarted(id, t, "charge_card", 1, t0.plusMillis(50)));
        if (fail) {
            Failure declined = Failure.of("CardDeclined", "card declined");
            events.publish(
                    new StepFailed(id, t, "charge_card", 1, t0.plusMillis(250), Duration.ofMillis(200), declined));
            events.publish(new TaskFailed(id, t, t0.plusMillis(250), Duration.ofMillis(250), declined));
        } else {
            events.publish(new StepCompleted(id, t, "charge_card", 1, t0.plusMillis(250), Duration.ofMillis(200)));
            events.publish(new TaskCompleted(id, t, t0.plusMillis(250), Duration.ofMillis(250)));
        }
    }

    public static void main(String[] args) throws Exception {
        SyncOptions options =
                new SyncOptions(args[1], args[2], 50, Duration.ofSeconds(3), Duration.ofSeconds(2), false);
        int count = Integer.parseInt(args[3]);
        int rounds = Integer.parseInt(args[4]);
        long pause = Long.parseLong(args[5]);
        MetricRegistry registry = new MetricRegistry();
        RecentRuns runs = new RecentRuns(RunsOptions.defaults(), Clock.SYSTEM);
        try (CacheStore store = CacheStores.open(args[0], Duration.ofSeconds(2), Clock.SYSTEM);
                EventPublisher events = new EventPublisher(registry, PublisherOptions.defaults())) {
            events.subscribe(runs);
            ClusterSync sync =
                    new ClusterSync(store, options, Clock.SYSTEM, () -> MetricsSnapshot.empty(Instant.EPOCH));
            sync.attach(new RunsSync(store, options.keys(), runs, Clock.SYSTEM));
            Instant t0 = Instant.now();
            for (int i = 0; i < count; i++) {
                run(events, args[2] + "-" + i, t0.plusMillis(i * 500L), i % 3 == 0);
            }
            events.awaitIdle(Duration.ofSeconds(10));
            for (int round = 0; round < rounds; round++) {
                boolean ok = sync.sync(SyncStrategy.DISTRIBUTED_ATOMIC).success();
                System.out.println(ok ? "SYNCED " + round : "FAILED " + round);
                System.out.flush();
                Thread.sleep(pause); // The worker's pace between syncs, which the test sets: not a wait.
            }
        }
    }
}
