package io.tasker.metrics.events;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** An attempt of a step ended well. */
public record StepCompleted(String taskId, String taskName, String stepName, int attempt, Instant time,
                            Duration duration, Map<String, String> attributes, Optional<Traceparent> traceparent)
        implements StepEvent, Ending {
    /** Requires the task id, task and step names and a positive attempt. */
    public StepCompleted {
        Events.requireText(taskId, "task id");
        Events.requireText(taskName, "task name");
        Events.requireText(stepName, "step name");
        Events.attempt(attempt);
        Events.require(time, "time");
        Events.duration(duration, "step " + stepName);
        attributes = Events.attributes(attributes);
        traceparent = Events.traceparent(traceparent);
    }

    /** A step attempt that succeeded, without attributes or trace context. */
    public StepCompleted(String taskId, String taskName, String stepName, int attempt, Instant time, Duration duration) {
        this(taskId, taskName, stepName, attempt, time, duration, Map.of(), Optional.empty());
    }

    @Override
    public EventType type() {
        return EventType.STEP_COMPLETED;
    }
}
