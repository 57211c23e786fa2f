package io.tasker.metrics.events;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A failed step will run again; {@code attempt} is the number of the attempt about to start.
 *
 * @param taskId the task run's id; not blank
 * @param taskName the task's name; not blank
 * @param stepName the step's name; not blank
 * @param attempt the number of the attempt about to start, from 2
 * @param time when it happened, as the publisher's clock read it
 * @param attributes free attributes; null or empty for none
 * @param traceparent the W3C trace context that joins it to its task's trace; null or empty for none
 */
public record StepRetried(
        String taskId,
        String taskName,
        String stepName,
        int attempt,
        Instant time,
        Map<String, String> attributes,
        Optional<Traceparent> traceparent)
        implements StepEvent {
    /**
     * Checks the values; attributes are copied, a null traceparent becomes empty.
     *
     * @param taskId the task run's id; not blank
     * @param taskName the task's name; not blank
     * @param stepName the step's name; not blank
     * @param attempt the number of the attempt about to start, from 2
     * @param time when it happened, as the publisher's clock read it
     * @param attributes free attributes; null or empty for none
     * @param traceparent the W3C trace context that joins it to its task's trace; null or empty for none
     * @throws IllegalArgumentException for a blank id or name, a missing time, or an attempt below 2
     */
    public StepRetried {
        Events.requireText(taskId, "task id");
        Events.requireText(taskName, "task name");
        Events.requireText(stepName, "step name");
        if (attempt < 2) {
            throw new IllegalArgumentException(
                    "A retry of step " + stepName + " is attempt 2 or later, not " + attempt);
        }
        Events.require(time, "time");
        attributes = Events.attributes(attributes);
        traceparent = Events.traceparent(traceparent);
    }

    /**
     * An event without attributes or traceparent.
     *
     * @param taskId the task run's id; not blank
     * @param taskName the task's name; not blank
     * @param stepName the step's name; not blank
     * @param attempt the number of the attempt about to start, from 2
     * @param time when it happened, as the publisher's clock read it
     * @throws IllegalArgumentException for a blank id or name, a missing time, or an attempt below 2
     */
    public StepRetried(String taskId, String taskName, String stepName, int attempt, Instant time) {
        this(taskId, taskName, stepName, attempt, time, Map.of(), Optional.empty());
    }

    @Override
    public EventType type() {
        return EventType.STEP_RETRIED;
    }
}
