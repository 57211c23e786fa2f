package io.tasker.metrics.events;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** A task run began. */
public record TaskStarted(String taskId, String taskName, Instant time, Map<String, String> attributes,
                          Optional<Traceparent> traceparent) implements TaskEvent {
    /** Requires the task id, name and time. */
    public TaskStarted {
        Events.requireText(taskId, "task id");
        Events.requireText(taskName, "task name");
        Events.require(time, "time");
        attributes = Events.attributes(attributes);
        traceparent = Events.traceparent(traceparent);
    }

    /** A task that began, without attributes or trace context. */
    public TaskStarted(String taskId, String taskName, Instant time) {
        this(taskId, taskName, time, Map.of(), Optional.empty());
    }

    @Override
    public EventType type() {
        return EventType.TASK_STARTED;
    }
}
