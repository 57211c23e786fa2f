package io.tasker.metrics.events;

/**
 * The kinds of lifecycle event; a subscriber names those it wants (the design document's
 * {@code subscribe_to}), and the publisher indexes its subscribers by them.
 */
public enum EventType {
    /** A task began. */
    TASK_STARTED("task.started"),
    /** A task ended successfully. */
    TASK_COMPLETED("task.completed"),
    /** A task ended with an error. */
    TASK_FAILED("task.failed"),
    /** A step attempt began. */
    STEP_STARTED("step.started"),
    /** A step attempt ended successfully. */
    STEP_COMPLETED("step.completed"),
    /** A step attempt ended with an error (it may be retried). */
    STEP_FAILED("step.failed"),
    /** A failed step is tried again. */
    STEP_RETRIED("step.retried"),
    /** A step failed and has no retry left. */
    STEP_MAX_RETRIES_REACHED("step.max_retries_reached");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    /** The dotted name used in logs, JSON and the console, such as {@code step.failed}. */
    public String wireName() {
        return wireName;
    }
}
