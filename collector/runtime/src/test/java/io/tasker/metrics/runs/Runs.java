package io.tasker.metrics.runs;

import io.tasker.metrics.events.Failure;
import io.tasker.metrics.events.StepCompleted;
import io.tasker.metrics.events.StepFailed;
import io.tasker.metrics.events.StepRetried;
import io.tasker.metrics.events.StepStarted;
import io.tasker.metrics.events.TaskCompleted;
import io.tasker.metrics.events.TaskFailed;
import io.tasker.metrics.events.TaskStarted;
import io.tasker.metrics.events.TaskerEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/** Task runs as events, for the runs tests. */
final class Runs {
    static final Failure DECLINED = Failure.of("CardDeclined", "card declined");

    private Runs() {}

    /** validate (50 ms), charge_card attempt 1 fails (200 ms), attempt 2 succeeds (or fails), then the task ends. */
    static void run(Consumer<TaskerEvent> publish, String id, Instant t0, boolean fail) {
        String t = "payment_processing";
        publish.accept(new TaskStarted(id, t, t0));
        publish.accept(new StepStarted(id, t, "validate_payment", 1, t0));
        publish.accept(new StepCompleted(id, t, "validate_payment", 1, t0.plusMillis(50), Duration.ofMillis(50)));
        publish.accept(new StepStarted(id, t, "charge_card", 1, t0.plusMillis(50)));
        publish.accept(new StepFailed(id, t, "charge_card", 1, t0.plusMillis(250), Duration.ofMillis(200), DECLINED));
        publish.accept(new StepRetried(id, t, "charge_card", 2, t0.plusMillis(260)));
        publish.accept(new StepStarted(id, t, "charge_card", 2, t0.plusMillis(260)));
        if (fail) {
            publish.accept(
                    new StepFailed(id, t, "charge_card", 2, t0.plusMillis(400), Duration.ofMillis(140), DECLINED));
            publish.accept(new TaskFailed(id, t, t0.plusMillis(400), Duration.ofMillis(400), DECLINED));
        } else {
            publish.accept(new StepCompleted(id, t, "charge_card", 2, t0.plusMillis(400), Duration.ofMillis(140)));
            publish.accept(new TaskCompleted(id, t, t0.plusMillis(400), Duration.ofMillis(400)));
        }
    }
}
