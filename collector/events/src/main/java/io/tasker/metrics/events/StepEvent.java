package io.tasker.metrics.events;

/** An event about one attempt of one step of a task run; attempts count from 1. */
public sealed interface StepEvent extends TaskerEvent
        permits StepStarted, StepCompleted, StepFailed, StepRetried, StepMaxRetriesReached {
    /**
     * The step's name.
     *
     * @return the name, not blank
     */
    String stepName();

    /**
     * The attempt's number.
     *
     * @return the attempt, from 1
     */
    int attempt();
}
