package io.tasker.metrics.events;

import java.time.Duration;

/** An event that ends something (a task or a step attempt) and so knows how long it took. */
public sealed interface Ending permits TaskCompleted, TaskFailed, StepCompleted, StepFailed {
    /**
     * How long the task run or step attempt took.
     *
     * @return the duration, zero or more
     */
    Duration duration();
}
