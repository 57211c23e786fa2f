package io.tasker.metrics.events;

/** An event that reports an error. */
public sealed interface Failing permits TaskFailed, StepFailed, StepMaxRetriesReached {
    /**
     * The error the event reports.
     *
     * @return what went wrong
     */
    Failure failure();
}
