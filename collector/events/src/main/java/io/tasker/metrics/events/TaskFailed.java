package io.tasker.metrics.events;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** A task run ended in failure, {@code duration} after it started. */
public record TaskFailed(String taskId, String taskName, Instant time, Duration duration, Failure failure,
                         Map<String, String> attributes, Optional<Traceparent> traceparent)
        implements TaskEvent, Ending, Failing {
    /** Requires the task id and name, the time, a duration that is not negative and the failure. */
    public TaskFailed {
        Events.requireText(taskId, "task id");
        Events.requireText(taskName, "task name");
        Events.require(time, "time");
        Events.duration(duration, "task " + taskId);
        Events.require(failure, "failure");
        attributes = Events.attributes(attributes);
        traceparent = Events.traceparent(traceparent);
    }

    /** A task that failed, without attributes or trace context. */
    public TaskFailed(String taskId, String taskName, Instant time, Duration duration, Failure failure) {
        this(taskId, taskName, time, duration, failure, Map.of(), Optional.empty());
    }

    @Override
    public EventType type() {
        return EventType.TASK_FAILED;
    }
}
