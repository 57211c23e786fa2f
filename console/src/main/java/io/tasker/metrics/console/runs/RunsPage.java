package io.tasker.metrics.console.runs;

import io.tasker.metrics.console.web.Layout;
import io.tasker.metrics.runs.StepSummary;
import io.tasker.metrics.runs.TaskRun;
import java.util.List;

/**
 * {@code runs/runs.jte}: the cluster's recent runs as filtered (the filter's fields as typed, for
 * the form), the task names to choose from, and the steps slowest first; {@code error} when the
 * store could not be read.
 */
public record RunsPage(Layout layout, List<TaskRun> runs, String status, String taskName, String taskId,
                       List<String> taskNames, List<StepSummary> steps, String error) {
}
