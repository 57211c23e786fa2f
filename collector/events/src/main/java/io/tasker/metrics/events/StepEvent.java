package io.tasker.metrics.events;

/** An event about one attempt of one step of a task run; attempts count from 1. */
public sealed interface StepEvent extends TaskerEvent
        permits StepStarted, StepCompleted, StepFailed, StepRetried, StepMaxRetriesReached {
    /** The step's name, the same for every attempt. */
    String stepName();

    /** Which attempt this is, from 1. */
    int attempt();
}
