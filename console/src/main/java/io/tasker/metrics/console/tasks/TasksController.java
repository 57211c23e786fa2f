package io.tasker.metrics.console.tasks;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.tasker.metrics.console.chart.Window;
import io.tasker.metrics.console.security.Security;
import io.tasker.metrics.console.status.StatusService;
import io.tasker.metrics.console.web.Layout;
import io.tasker.metrics.console.web.Templates;
import io.tasker.metrics.console.web.Ui;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** {@code GET /tasks} and {@code GET /api/tasks}: the tasks over a window, sortable. */
public final class TasksController {
    /** The columns {@code sort=} takes. */
    public static final List<String> SORTS = List.of("name", "executions", "failures", "error_rate", "p95");

    private final TaskStats stats;
    private final StatusService status;
    private final Templates templates;

    public TasksController(TaskStats stats, StatusService status, Templates templates) {
        this.stats = stats;
        this.status = status;
        this.templates = templates;
    }

    public void register(RoutesConfig routes) {
        routes.get(Ui.TASKS_PAGE, this::page);
        routes.get(Ui.API_TASKS, this::api);
    }

    private void api(Context ctx) throws SQLException {
        Window window = Window.parse(ctx.queryParam("window"), Window.TASKS);
        ctx.json(Map.of(
                "window",
                window.word(),
                "threshold",
                stats.threshold(),
                "tasks",
                sorted(stats.rows(window), sort(ctx), descending(ctx))));
    }

    private void page(Context ctx) throws SQLException {
        Window window = Window.parse(ctx.queryParam("window"), Window.TASKS);
        String sort = sort(ctx);
        boolean desc = descending(ctx);
        Layout layout = new Layout("Tasks", Security.csrfToken(ctx), "tasks", status.staleness());
        templates.render(
                ctx,
                "tasks/tasks.jte",
                new TasksPage(layout, window, sorted(stats.rows(window), sort, desc), sort, desc, stats.threshold()));
    }

    private static String sort(Context ctx) {
        String sort = ctx.queryParam("sort");
        if (sort == null || sort.isBlank()) {
            return "name";
        }
        if (!SORTS.contains(sort)) {
            throw new IllegalArgumentException("sort '" + sort + "' is not one of " + String.join(", ", SORTS));
        }
        return sort;
    }

    private static boolean descending(Context ctx) {
        String dir = ctx.queryParam("dir");
        if (dir == null || dir.isBlank() || dir.equals("asc")) {
            return false;
        }
        if (!dir.equals("desc")) {
            throw new IllegalArgumentException("dir '" + dir + "' is neither asc nor desc");
        }
        return true;
    }

    static List<TaskRow> sorted(List<TaskRow> rows, String sort, boolean descending) {
        Comparator<TaskRow> byName = Comparator.comparing(TaskRow::task);
        Comparator<TaskRow> c = switch (sort) {
            case "executions" -> Comparator.comparingLong(TaskRow::executions);
            case "failures" -> Comparator.comparingLong(TaskRow::failures);
            case "error_rate" ->
                Comparator.comparing(TaskRow::errorRate, Comparator.nullsFirst(Comparator.naturalOrder()));
            case "p95" -> Comparator.comparing(TaskRow::p95, Comparator.nullsFirst(Comparator.naturalOrder()));
            default -> byName;
        };
        List<TaskRow> out = new ArrayList<>(rows);
        out.sort(descending ? c.reversed().thenComparing(byName) : c.thenComparing(byName));
        return out;
    }
}
