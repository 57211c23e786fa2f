package io.tasker.metrics.events;

/**
 * The kinds of lifecycle event; a subscriber names those it wants (the design document's
 * {@code subscribe_to}), and the publisher indexes its subscribers by them.
 */
public enum EventType {
    /** A task run began ({@link TaskStarted}). */
    TASK_STARTED,
    /** A task run ended well ({@link TaskCompleted}). */
    TASK_COMPLETED,
    /** A task run ended in failure ({@link TaskFailed}). */
    TASK_FAILED,
    /** An attempt of a step began ({@link StepStarted}). */
    STEP_STARTED,
    /** An attempt of a step ended well ({@link StepCompleted}). */
    STEP_COMPLETED,
    /** An attempt of a step failed ({@link StepFailed}). */
    STEP_FAILED,
    /** A failed step will run again ({@link StepRetried}). */
    STEP_RETRIED,
    /** A step failed on its last allowed attempt ({@link StepMaxRetriesReached}). */
    STEP_MAX_RETRIES_REACHED;
}
