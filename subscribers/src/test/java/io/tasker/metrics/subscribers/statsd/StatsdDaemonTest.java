package io.tasker.metrics.subscribers.statsd;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.events.EventPublisher;
import io.tasker.metrics.events.Failure;
import io.tasker.metrics.events.PublisherOptions;
import io.tasker.metrics.events.StepCompleted;
import io.tasker.metrics.events.StepStarted;
import io.tasker.metrics.events.TaskCompleted;
import io.tasker.metrics.events.TaskFailed;
import io.tasker.metrics.events.TaskStarted;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Counters, a gauge and timers through the real StatsD daemon, sent by the subscriber behind a publisher. */
class StatsdDaemonTest {
    private static final Instant T0 = Instant.parse("2026-01-01T12:00:00Z");

    @Test
    void theDaemonCountsTasksTimesStepsAndGaugesTheRunningOnes(@TempDir Path dir) throws Exception {
        try (StatsdDaemon daemon = StatsdDaemon.start(dir)) {
            StatsdSettings settings = new StatsdSettings(true, "127.0.0.1", daemon.udpPort(), "prod", null);
            try (EventPublisher publisher = new EventPublisher(new MetricRegistry(), PublisherOptions.defaults())) {
                publisher.subscribe(StatsdSubscriber.start(settings));
                for (int i = 0; i < 3; i++) {
                    String id = "t" + i;
                    publisher.publish(new TaskStarted(id, "payment_processing", T0));
                    publisher.publish(new StepStarted(id, "payment_processing", "charge_card", 1, T0));
                    publisher.publish(new StepCompleted(
                            id, "payment_processing", "charge_card", 1, T0, Duration.ofMillis(100 + i)));
                    publisher.publish(
                            i == 2
                                    ? new TaskFailed(
                                            id,
                                            "payment_processing",
                                            T0,
                                            Duration.ofMillis(300),
                                            Failure.of("Timeout", "slow"))
                                    : new TaskCompleted(id, "payment_processing", T0, Duration.ofMillis(200)));
                }
                publisher.publish(new TaskStarted("t3", "payment_processing", T0));
            } // Drains, then the subscriber's close() flushes the client.
            awaitContains(daemon, "counters", "'tasker.task.completed;env=prod;task=payment_processing': 2");
            awaitContains(
                    daemon, "counters", "'tasker.task.failed;env=prod;error_type=Timeout;task=payment_processing': 1");
            awaitContains(
                    daemon,
                    "timers",
                    "'tasker.step.duration;env=prod;status=success;step=charge_card': [ 100, 101, 102 ]");
            awaitContains(daemon, "gauges", "'tasker.tasks.running;env=prod': 1");
            awaitContains(daemon, "counters", "'statsd.bad_lines_seen': 0");
        }
    }

    private static void awaitContains(StatsdDaemon daemon, String command, String expected) {
        await().atMost(Duration.ofSeconds(10))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> {
                    String answer = daemon.admin(command);
                    assertTrue(answer.contains(expected), command + " lacks " + expected + ":\n" + answer);
                });
    }
}
