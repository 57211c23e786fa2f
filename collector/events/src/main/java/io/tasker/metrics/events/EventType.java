package io.tasker.metrics.events;

/**
 * The kinds of lifecycle event; a subscriber names those it wants (the design document's
 * {@code subscribe_to}), and the publisher indexes its subscribers by them.
 */
public enum EventType {
    TASK_STARTED("task.started"),
    TASK_COMPLETED("task.completed"),
    TASK_FAILED("task.failed"),
    STEP_STARTED("step.started"),
    STEP_COMPLETED("step.completed"),
    STEP_FAILED("step.failed"),
    STEP_RETRIED("step.retried"),
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
