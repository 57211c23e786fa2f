/**
 * The Tasks page: one row per {@code task_name} with executions, failures, error rate and
 * duration quantiles over a window, from the history; {@code GET /tasks} and {@code GET /api/tasks}.
 */
package io.tasker.metrics.console.tasks;
