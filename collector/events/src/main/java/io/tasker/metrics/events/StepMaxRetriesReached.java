package io.tasker.metrics.events;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** A step failed on its last allowed attempt ({@code attempt}) and will not run again. */
public record StepMaxRetriesReached(String taskId, String taskName, String stepName, int attempt, Instant time,
                                    Failure failure, Map<String, String> attributes,
                                    Optional<Traceparent> traceparent) implements StepEvent, Failing {
    /** Requires the task id, task and step names, a positive attempt and the failure. */
    public StepMaxRetriesReached {
        Events.requireText(taskId, "task id");
        Events.requireText(taskName, "task name");
        Events.requireText(stepName, "step name");
        Events.attempt(attempt);
        Events.require(time, "time");
        Events.require(failure, "failure");
        attributes = Events.attributes(attributes);
        traceparent = Events.traceparent(traceparent);
    }

    /** A step that has no retry left, without attributes or trace context. */
    public StepMaxRetriesReached(String taskId, String taskName, String stepName, int attempt, Instant time,
                                 Failure failure) {
        this(taskId, taskName, stepName, attempt, time, failure, Map.of(), Optional.empty());
    }

    @Override
    public EventType type() {
        return EventType.STEP_MAX_RETRIES_REACHED;
    }
}
