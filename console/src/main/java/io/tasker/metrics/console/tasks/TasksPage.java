package io.tasker.metrics.console.tasks;

import io.tasker.metrics.console.chart.Window;
import io.tasker.metrics.console.web.Layout;
import io.tasker.metrics.console.web.Ui;
import java.util.List;

/**
 * {@code tasks/tasks.jte}: the task table over a window.
 *
 * @param sort the column sorted by, one of {@link TasksController#SORTS}
 * @param descending the sort's direction
 * @param threshold {@code console.alerts.error_rate}
 */
public record TasksPage(
        Layout layout, Window window, List<TaskRow> rows, String sort, boolean descending, double threshold) {

    /** The page's own link with another window, sort or direction. */
    public String href(Window w, String by, boolean desc) {
        return Ui.TASKS_PAGE + "?window=" + w.word() + "&sort=" + by + "&dir=" + (desc ? "desc" : "asc");
    }

    /** The link a column header points at: its sort, flipped when it is the current one. */
    public String sortHref(String by) {
        return href(window, by, by.equals(sort) ? !descending : !"name".equals(by));
    }
}
