package io.tasker.metrics.events;

/** An event about one attempt of one step of a task run; attempts count from 1. */
public sealed interface StepEvent extends TaskerEvent
        permits StepStarted, StepCompleted, StepFailed, StepRetried, StepMaxRetriesReached {
    String stepName();

    int attempt();
}
