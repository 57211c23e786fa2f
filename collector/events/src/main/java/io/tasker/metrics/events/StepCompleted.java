package io.tasker.metrics.events;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * An attempt of a step ended well.
 *
 * @param taskId the task run's id; not blank
 * @param taskName the task's name; not blank
 * @param stepName the step's name; not blank
 * @param attempt the attempt's number, from 1
 * @param time when it happened, as the publisher's clock read it
 * @param duration how long the attempt took; zero or more
 * @param attributes free attributes; null or empty for none
 * @param traceparent the W3C trace context that joins it to its task's trace; null or empty for none
 */
public record StepCompleted(
        String taskId,
        String taskName,
        String stepName,
        int attempt,
        Instant time,
        Duration duration,
        Map<String, String> attributes,
        Optional<Traceparent> traceparent)
        implements StepEvent, Ending {
    /**
     * Checks the values; attributes are copied, a null traceparent becomes empty.
     *
     * @param taskId the task run's id; not blank
     * @param taskName the task's name; not blank
     * @param stepName the step's name; not blank
     * @param attempt the attempt's number, from 1
     * @param time when it happened, as the publisher's clock read it
     * @param duration how long the attempt took; zero or more
     * @param attributes free attributes; null or empty for none
     * @param traceparent the W3C trace context that joins it to its task's trace; null or empty for none
     * @throws IllegalArgumentException for a blank id or name, a missing time, a negative duration, or an attempt below 1
     */
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

    /**
     * An event without attributes or traceparent.
     *
     * @param taskId the task run's id; not blank
     * @param taskName the task's name; not blank
     * @param stepName the step's name; not blank
     * @param attempt the attempt's number, from 1
     * @param time when it happened, as the publisher's clock read it
     * @param duration how long the attempt took; zero or more
     * @throws IllegalArgumentException for a blank id or name, a missing time, a negative duration, or an attempt below 1
     */
    public StepCompleted(
            String taskId, String taskName, String stepName, int attempt, Instant time, Duration duration) {
        this(taskId, taskName, stepName, attempt, time, duration, Map.of(), Optional.empty());
    }

    @Override
    public EventType type() {
        return EventType.STEP_COMPLETED;
    }
}
