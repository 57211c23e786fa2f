package io.tasker.metrics.events;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** A task run ended well, {@code duration} after it started. */
public record TaskCompleted(String taskId, String taskName, Instant time, Duration duration,
                            Map<String, String> attributes, Optional<Traceparent> traceparent)
        implements TaskEvent, Ending {
    /** Requires the task id and name, the time and a duration that is not negative. */
    public TaskCompleted {
        Events.requireText(taskId, "task id");
        Events.requireText(taskName, "task name");
        Events.require(time, "time");
        Events.duration(duration, "task " + taskId);
        attributes = Events.attributes(attributes);
        traceparent = Events.traceparent(traceparent);
    }

    /** A task that succeeded, without attributes or trace context. */
    public TaskCompleted(String taskId, String taskName, Instant time, Duration duration) {
        this(taskId, taskName, time, duration, Map.of(), Optional.empty());
    }

    @Override
    public EventType type() {
        return EventType.TASK_COMPLETED;
    }
}
