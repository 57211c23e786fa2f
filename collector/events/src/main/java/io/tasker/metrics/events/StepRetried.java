package io.tasker.metrics.events;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** A failed step will run again; {@code attempt} is the number of the attempt about to start. */
public record StepRetried(String taskId, String taskName, String stepName, int attempt, Instant time,
                          Map<String, String> attributes, Optional<Traceparent> traceparent) implements StepEvent {
    /** Requires the task id, task and step names and a positive attempt. */
    public StepRetried {
        Events.requireText(taskId, "task id");
        Events.requireText(taskName, "task name");
        Events.requireText(stepName, "step name");
        if (attempt < 2) {
            throw new IllegalArgumentException("A retry of step " + stepName + " is attempt 2 or later, not " + attempt);
        }
        Events.require(time, "time");
        attributes = Events.attributes(attributes);
        traceparent = Events.traceparent(traceparent);
    }

    /** A step tried again, without attributes or trace context. */
    public StepRetried(String taskId, String taskName, String stepName, int attempt, Instant time) {
        this(taskId, taskName, stepName, attempt, time, Map.of(), Optional.empty());
    }

    @Override
    public EventType type() {
        return EventType.STEP_RETRIED;
    }
}
