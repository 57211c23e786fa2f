package io.tasker.metrics.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tasker.metrics.ManualClock;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.RegistryOptions;
import io.tasker.metrics.snapshot.HistogramSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MetricsSubscriberTest {
    private static final Instant T0 = Instant.parse("2026-01-01T12:00:00Z");
    private static final Failure DECLINED = Failure.of("CardDeclined", "card declined");
    private final MetricRegistry registry =
            new MetricRegistry(RegistryOptions.defaults().withClock(new ManualClock(T0)));

    /** Task 1 succeeds after one retry of charge_card; task 2 fails when charge_card runs out of retries. */
    private static void publishTwoRuns(EventPublisher publisher) {
        publisher.publish(new TaskStarted("1", "payment_processing", T0));
        publisher.publish(new StepStarted("1", "payment_processing", "charge_card", 1, T0));
        publisher.publish(
                new StepFailed("1", "payment_processing", "charge_card", 1, T0, Duration.ofMillis(100), DECLINED));
        publisher.publish(new StepRetried("1", "payment_processing", "charge_card", 2, T0));
        publisher.publish(new StepCompleted("1", "payment_processing", "charge_card", 2, T0, Duration.ofMillis(300)));
        publisher.publish(new TaskCompleted("1", "payment_processing", T0, Duration.ofMillis(500)));
        publisher.publish(
                new StepFailed("2", "payment_processing", "charge_card", 3, T0, Duration.ofMillis(200), DECLINED));
        publisher.publish(new StepMaxRetriesReached("2", "payment_processing", "charge_card", 3, T0, DECLINED));
        publisher.publish(new TaskFailed("2", "payment_processing", T0, Duration.ofSeconds(2), DECLINED));
    }

    @Test
    void eventsBecomeTheDesignsTaskAndStepMetrics() {
        try (EventPublisher publisher = new EventPublisher(registry, PublisherOptions.defaults())) {
            publisher.subscribe(new MetricsSubscriber(registry));
            publishTwoRuns(publisher);
        }
        assertEquals(
                1,
                registry.counter("task_executions_total", "status", "task_name")
                        .labels("success", "payment_processing")
                        .value());
        assertEquals(
                1,
                registry.counter("task_executions_total", "status", "task_name")
                        .labels("failure", "payment_processing")
                        .value());
        assertEquals(
                2,
                registry.counter("step_executions_total", "step_name", "status")
                        .labels("charge_card", "failure")
                        .value());
        assertEquals(
                1,
                registry.counter("step_executions_total", "step_name", "status")
                        .labels("charge_card", "success")
                        .value());
        assertEquals(
                1,
                registry.counter("step_retries_total", "step_name")
                        .labels("charge_card")
                        .value());
        assertEquals(
                1,
                registry.counter("step_max_retries_reached_total", "step_name")
                        .labels("charge_card")
                        .value());
        assertEquals(2.5, histogram("tasker_task_duration_seconds").sum(), 1e-9);
        assertEquals(3, histogram("tasker_step_duration_seconds").count());
    }

    private HistogramSnapshot.Point histogram(String name) {
        HistogramSnapshot family =
                (HistogramSnapshot) registry.snapshot().family(name).orElseThrow();
        return family.points().get(0);
    }

    @Test
    void anApplicationCountingTasksItselfLeavesThemOutAndNothingIsCountedTwice() {
        MetricsSubscriber stepsOnly = new MetricsSubscriber(registry, EnumSet.of(MetricsSubscriber.Part.STEPS));
        assertEquals(
                Set.of(
                        EventType.STEP_COMPLETED,
                        EventType.STEP_FAILED,
                        EventType.STEP_RETRIED,
                        EventType.STEP_MAX_RETRIES_REACHED),
                stepsOnly.subscribedTo());
        try (EventPublisher publisher = new EventPublisher(registry, PublisherOptions.defaults())) {
            publisher.subscribe(stepsOnly);
            registry.incrementCounter(
                    "task_executions_total", 1, "status", "success", "task_name", "payment_processing");
            publishTwoRuns(publisher);
        }
        assertEquals(
                1,
                registry.counter("task_executions_total", "status", "task_name")
                        .labels("success", "payment_processing")
                        .value(),
                "counted directly, once");
        assertEquals(
                0,
                registry.counter("task_executions_total", "status", "task_name")
                        .labels("failure", "payment_processing")
                        .value());
        assertEquals(
                3,
                registry.counter("step_executions_total", "step_name", "status")
                                .labels("charge_card", "failure")
                                .value()
                        + registry.counter("step_executions_total", "step_name", "status")
                                .labels("charge_card", "success")
                                .value());
    }
}
