package io.tasker.metrics.events;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A step failed on its last allowed attempt ({@code attempt}) and will not run again.
 *
 * @param taskId the task run's id; not blank
 * @param taskName the task's name; not blank
 * @param stepName the step's name; not blank
 * @param attempt the number of the last attempt, from 1
 * @param time when it happened, as the publisher's clock read it
 * @param failure what went wrong
 * @param attributes free attributes; null or empty for none
 * @param traceparent the W3C trace context that joins it to its task's trace; null or empty for none
 */
public record StepMaxRetriesReached(
        String taskId,
        String taskName,
        String stepName,
        int attempt,
        Instant time,
        Failure failure,
        Map<String, String> attributes,
        Optional<Traceparent> traceparent)
        implements StepEvent, Failing {
    /**
     * Checks the values; attributes are copied, a null traceparent becomes empty.
     *
     * @param taskId the task run's id; not blank
     * @param taskName the task's name; not blank
     * @param stepName the step's name; not blank
     * @param attempt the number of the last attempt, from 1
     * @param time when it happened, as the publisher's clock read it
     * @param failure what went wrong
     * @param attributes free attributes; null or empty for none
     * @param traceparent the W3C trace context that joins it to its task's trace; null or empty for none
     * @throws IllegalArgumentException for a blank id or name, a missing time, a missing failure, or an attempt below 1
     */
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

    /**
     * An event without attributes or traceparent.
     *
     * @param taskId the task run's id; not blank
     * @param taskName the task's name; not blank
     * @param stepName the step's name; not blank
     * @param attempt the number of the last attempt, from 1
     * @param time when it happened, as the publisher's clock read it
     * @param failure what went wrong
     * @throws IllegalArgumentException for a blank id or name, a missing time, a missing failure, or an attempt below 1
     */
    public StepMaxRetriesReached(
            String taskId, String taskName, String stepName, int attempt, Instant time, Failure failure) {
        this(taskId, taskName, stepName, attempt, time, failure, Map.of(), Optional.empty());
    }

    @Override
    public EventType type() {
        return EventType.STEP_MAX_RETRIES_REACHED;
    }
}
