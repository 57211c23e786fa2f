package io.tasker.metrics.events;

/**
 * The kinds of lifecycle event; a subscriber names those it wants (the design document's
 * {@code subscribe_to}), and the publisher indexes its subscribers by them.
 */
public enum EventType {
    /** A task began. */
    TASK_STARTED,
    /** A task ended successfully. */
    TASK_COMPLETED,
    /** A task ended with an error. */
    TASK_FAILED,
    /** A step attempt began. */
    STEP_STARTED,
    /** A step attempt ended successfully. */
    STEP_COMPLETED,
    /** A step attempt ended with an error (it may be retried). */
    STEP_FAILED,
    /** A failed step is tried again. */
    STEP_RETRIED,
    /** A step failed and has no retry left. */
    STEP_MAX_RETRIES_REACHED;
}
