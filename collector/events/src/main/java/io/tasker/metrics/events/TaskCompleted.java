package io.tasker.metrics.events;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A task run ended well, {@code duration} after it started.
 *
 * @param taskId the task run's id; not blank
 * @param taskName the task's name; not blank
 * @param time when it happened, as the publisher's clock read it
 * @param duration how long the run took; zero or more
 * @param attributes free attributes; null or empty for none
 * @param traceparent the W3C trace context that joins it to its task's trace; null or empty for none
 */
public record TaskCompleted(
        String taskId,
        String taskName,
        Instant time,
        Duration duration,
        Map<String, String> attributes,
        Optional<Traceparent> traceparent)
        implements TaskEvent, Ending {
    /**
     * Checks the values; attributes are copied, a null traceparent becomes empty.
     *
     * @param taskId the task run's id; not blank
     * @param taskName the task's name; not blank
     * @param time when it happened, as the publisher's clock read it
     * @param duration how long the run took; zero or more
     * @param attributes free attributes; null or empty for none
     * @param traceparent the W3C trace context that joins it to its task's trace; null or empty for none
     * @throws IllegalArgumentException for a blank id or name, a missing time, a negative duration
     */
    public TaskCompleted {
        Events.requireText(taskId, "task id");
        Events.requireText(taskName, "task name");
        Events.require(time, "time");
        Events.duration(duration, "task " + taskId);
        attributes = Events.attributes(attributes);
        traceparent = Events.traceparent(traceparent);
    }

    /**
     * An event without attributes or traceparent.
     *
     * @param taskId the task run's id; not blank
     * @param taskName the task's name; not blank
     * @param time when it happened, as the publisher's clock read it
     * @param duration how long the run took; zero or more
     * @throws IllegalArgumentException for a blank id or name, a missing time, a negative duration
     */
    public TaskCompleted(String taskId, String taskName, Instant time, Duration duration) {
        this(taskId, taskName, time, duration, Map.of(), Optional.empty());
    }

    @Override
    public EventType type() {
        return EventType.TASK_COMPLETED;
    }
}
