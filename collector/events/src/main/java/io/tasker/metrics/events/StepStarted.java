package io.tasker.metrics.events;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** An attempt of a step began. */
public record StepStarted(String taskId, String taskName, String stepName, int attempt, Instant time,
                          Map<String, String> attributes, Optional<Traceparent> traceparent) implements StepEvent {
    /** Requires the task id, task and step names and a positive attempt. */
    public StepStarted {
        Events.requireText(taskId, "task id");
        Events.requireText(taskName, "task name");
        Events.requireText(stepName, "step name");
        Events.attempt(attempt);
        Events.require(time, "time");
        attributes = Events.attributes(attributes);
        traceparent = Events.traceparent(traceparent);
    }

    /** A step attempt that began, without attributes or trace context. */
    public StepStarted(String taskId, String taskName, String stepName, int attempt, Instant time) {
        this(taskId, taskName, stepName, attempt, time, Map.of(), Optional.empty());
    }

    @Override
    public EventType type() {
        return EventType.STEP_STARTED;
    }
}
