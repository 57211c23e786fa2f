package io.tasker.metrics.events;

/** An event about a whole task run. */
public sealed interface TaskEvent extends TaskerEvent permits TaskStarted, TaskCompleted, TaskFailed {}
