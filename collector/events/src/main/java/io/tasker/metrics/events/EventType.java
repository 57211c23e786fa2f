package io.tasker.metrics.events;

/**
 * The kinds of lifecycle event; a subscriber names those it wants (the design document's
 * {@code subscribe_to}), and the publisher indexes its subscribers by them.
 */
public enum EventType {
    /** A task run began ({@link TaskStarted}). */
    TASK_STARTED("task.started"),
    /** A task run ended well ({@link TaskCompleted}). */
    TASK_COMPLETED("task.completed"),
    /** A task run ended in failure ({@link TaskFailed}). */
    TASK_FAILED("task.failed"),
    /** An attempt of a step began ({@link StepStarted}). */
    STEP_STARTED("step.started"),
    /** An attempt of a step ended well ({@link StepCompleted}). */
    STEP_COMPLETED("step.completed"),
    /** An attempt of a step failed ({@link StepFailed}). */
    STEP_FAILED("step.failed"),
    /** A failed step will run again ({@link StepRetried}). */
    STEP_RETRIED("step.retried"),
    /** A step failed on its last allowed attempt ({@link StepMaxRetriesReached}). */
    STEP_MAX_RETRIES_REACHED("step.max_retries_reached");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    /**
     * The dotted name used in logs, JSON and the console, such as {@code step.failed}.
     *
     * @return the wire name
     */
    public String wireName() {
        return wireName;
    }
}
