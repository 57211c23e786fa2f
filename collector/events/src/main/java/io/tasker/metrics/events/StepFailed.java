package io.tasker.metrics.events;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** An attempt of a step failed; a {@link StepRetried} or {@link StepMaxRetriesReached} may follow. */
public record StepFailed(String taskId, String taskName, String stepName, int attempt, Instant time,
                         Duration duration, Failure failure, Map<String, String> attributes,
                         Optional<Traceparent> traceparent) implements StepEvent, Ending, Failing {
    /** Requires the task id, task and step names, a positive attempt and the failure. */
    public StepFailed {
        Events.requireText(taskId, "task id");
        Events.requireText(taskName, "task name");
        Events.requireText(stepName, "step name");
        Events.attempt(attempt);
        Events.require(time, "time");
        Events.duration(duration, "step " + stepName);
        Events.require(failure, "failure");
        attributes = Events.attributes(attributes);
        traceparent = Events.traceparent(traceparent);
    }

    /** A step attempt that failed, without attributes or trace context. */
    public StepFailed(String taskId, String taskName, String stepName, int attempt, Instant time, Duration duration,
                      Failure failure) {
        this(taskId, taskName, stepName, attempt, time, duration, failure, Map.of(), Optional.empty());
    }

    @Override
    public EventType type() {
        return EventType.STEP_FAILED;
    }
}
