package io.tasker.metrics.console.tasks;

import io.tasker.metrics.console.chart.Window;
import io.tasker.metrics.console.web.Layout;
import io.tasker.metrics.console.web.Ui;
import io.tasker.metrics.runs.TaskRun;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * {@code tasks/tasks.jte}: the task table over a window.
 *
 * @param totals every task together (the totals row), or null without tasks
 * @param lastFailures each task's newest failed run among the cluster's recent runs, by task name
 * @param charts each task's executions chart, by task name
 * @param sort the column sorted by, one of {@link TasksController#SORTS}
 * @param descending the sort's direction
 * @param threshold {@code console.alerts.error_rate}
 */
public record TasksPage(
        Layout layout,
        Window window,
        List<TaskRow> rows,
        TaskRow totals,
        Map<String, TaskRun> lastFailures,
        Map<String, String> charts,
        String sort,
        boolean descending,
        double threshold) {

    /** The page's own link with another window, sort or direction. */
    public String href(Window w, String by, boolean desc) {
        return Ui.TASKS_PAGE + "?window=" + w.word() + "&sort=" + by + "&dir=" + (desc ? "desc" : "asc");
    }

    /** The link a column header points at: its sort, flipped when it is the current one. */
    public String sortHref(String by) {
        return href(window, by, by.equals(sort) ? !descending : !"name".equals(by));
    }

    /** {@code ascending} or {@code descending} on the sorted column's header, {@code none} elsewhere. */
    public String ariaSort(String by) {
        return !by.equals(sort) ? "none" : descending ? "descending" : "ascending";
    }

    /** The task's runs on the Runs page. */
    public static String runsHref(String task) {
        return Ui.RUNS_PAGE + "?task_name=" + URLEncoder.encode(task, StandardCharsets.UTF_8);
    }
}
