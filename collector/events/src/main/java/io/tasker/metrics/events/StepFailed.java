package io.tasker.metrics.events;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * An attempt of a step failed; a {@link StepRetried} or {@link StepMaxRetriesReached} may follow.
 *
 * @param taskId the task run's id; not blank
 * @param taskName the task's name; not blank
 * @param stepName the step's name; not blank
 * @param attempt the attempt's number, from 1
 * @param time when it happened, as the publisher's clock read it
 * @param duration how long the attempt took; zero or more
 * @param failure what went wrong
 * @param attributes free attributes; null or empty for none
 * @param traceparent the W3C trace context that joins it to its task's trace; null or empty for none
 */
public record StepFailed(
        String taskId,
        String taskName,
        String stepName,
        int attempt,
        Instant time,
        Duration duration,
        Failure failure,
        Map<String, String> attributes,
        Optional<Traceparent> traceparent)
        implements StepEvent, Ending, Failing {
    /**
     * Checks the values; attributes are copied, a null traceparent becomes empty.
     *
     * @param taskId the task run's id; not blank
     * @param taskName the task's name; not blank
     * @param stepName the step's name; not blank
     * @param attempt the attempt's number, from 1
     * @param time when it happened, as the publisher's clock read it
     * @param duration how long the attempt took; zero or more
     * @param failure what went wrong
     * @param attributes free attributes; null or empty for none
     * @param traceparent the W3C trace context that joins it to its task's trace; null or empty for none
     * @throws IllegalArgumentException for a blank id or name, a missing time, a negative duration, a missing failure, or an attempt below 1
     */
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

    /**
     * An event without attributes or traceparent.
     *
     * @param taskId the task run's id; not blank
     * @param taskName the task's name; not blank
     * @param stepName the step's name; not blank
     * @param attempt the attempt's number, from 1
     * @param time when it happened, as the publisher's clock read it
     * @param duration how long the attempt took; zero or more
     * @param failure what went wrong
     * @throws IllegalArgumentException for a blank id or name, a missing time, a negative duration, a missing failure, or an attempt below 1
     */
    public StepFailed(
            String taskId,
            String taskName,
            String stepName,
            int attempt,
            Instant time,
            Duration duration,
            Failure failure) {
        this(taskId, taskName, stepName, attempt, time, duration, failure, Map.of(), Optional.empty());
    }

    @Override
    public EventType type() {
        return EventType.STEP_FAILED;
    }
}
