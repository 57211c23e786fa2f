package io.tasker.metrics.console.tasks;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.tasker.metrics.console.chart.Window;
import io.tasker.metrics.console.runs.RunsService;
import io.tasker.metrics.console.security.Security;
import io.tasker.metrics.console.status.StatusService;
import io.tasker.metrics.console.web.Layout;
import io.tasker.metrics.console.web.Templates;
import io.tasker.metrics.console.web.Ui;
import io.tasker.metrics.runs.RunStatus;
import io.tasker.metrics.runs.TaskRun;
import io.tasker.metrics.store.StoreException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code GET /tasks} and {@code GET /api/tasks}: the tasks over a window, sortable. */
public final class TasksController {
    private static final Logger LOG = LoggerFactory.getLogger(TasksController.class);
    /** The columns {@code sort=} takes. */
    public static final List<String> SORTS =
            List.of("name", "executions", "successes", "failures", "error_rate", "p50", "p95", "p99", "last_failure");

    private final TaskStats stats;
    private final RunsService runs;
    private final StatusService status;
    private final Templates templates;

    /** @param runs the cluster's recent runs, where each task's last failure is looked up */
    public TasksController(TaskStats stats, RunsService runs, StatusService status, Templates templates) {
        this.stats = stats;
        this.runs = runs;
        this.status = status;
        this.templates = templates;
    }

    public void register(RoutesConfig routes) {
        routes.get(Ui.TASKS_PAGE, this::page);
        routes.get(Ui.API_TASKS, this::api);
    }

    private void api(Context ctx) throws SQLException {
        Window window = Window.parse(ctx.queryParam("window"), Window.TASKS);
        Map<String, TaskRun> failures = lastFailures();
        Map<String, String> failedIds = new TreeMap<>();
        failures.forEach((task, run) -> failedIds.put(task, run.taskId()));
        ctx.json(Map.of(
                "window",
                window.word(),
                "threshold",
                stats.threshold(),
                "tasks",
                sorted(stats.rows(window), failures, sort(ctx), descending(ctx)),
                "totals",
                stats.total(window).row(),
                "last_failures",
                failedIds));
    }

    private void page(Context ctx) throws SQLException {
        Window window = Window.parse(ctx.queryParam("window"), Window.TASKS);
        String sort = sort(ctx);
        boolean desc = descending(ctx);
        Layout layout = new Layout("Tasks", Security.csrfToken(ctx), "tasks", status.staleness());
        List<TaskRow> rows = stats.rows(window);
        Map<String, TaskRun> failures = lastFailures();
        templates.render(
                ctx,
                "tasks/tasks.jte",
                new TasksPage(
                        layout,
                        window,
                        sorted(rows, failures, sort, desc),
                        rows.isEmpty() ? null : stats.total(window).row(),
                        failures,
                        stats.charts(window),
                        sort,
                        desc,
                        stats.threshold()));
    }

    /**
     * Each task's newest failed run among the recent runs; none when the store cannot be read
     * (the table still shows what the history holds).
     */
    private Map<String, TaskRun> lastFailures() {
        Map<String, TaskRun> out = new HashMap<>();
        try {
            for (TaskRun run : runs.cluster()) { // Newest first: the first failure seen is the last one.
                if (run.status() == RunStatus.FAILURE) {
                    out.putIfAbsent(run.taskName(), run);
                }
            }
        } catch (StoreException e) {
            LOG.debug("Last failures not shown: {}", e.getMessage());
        }
        return out;
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

    static List<TaskRow> sorted(List<TaskRow> rows, Map<String, TaskRun> failures, String sort, boolean descending) {
        Comparator<TaskRow> byName = Comparator.comparing(TaskRow::task);
        Comparator<TaskRow> c = switch (sort) {
            case "executions" -> Comparator.comparingLong(TaskRow::executions);
            case "successes" -> Comparator.comparingLong(TaskRow::successes);
            case "failures" -> Comparator.comparingLong(TaskRow::failures);
            case "error_rate" -> nullsFirst(TaskRow::errorRate);
            case "p50" -> nullsFirst(TaskRow::p50);
            case "p95" -> nullsFirst(TaskRow::p95);
            case "p99" -> nullsFirst(TaskRow::p99);
            case "last_failure" ->
                nullsFirst(r ->
                        failures.containsKey(r.task()) ? failures.get(r.task()).startedAt() : null);
            default -> byName;
        };
        List<TaskRow> out = new ArrayList<>(rows);
        out.sort(descending ? c.reversed().thenComparing(byName) : c.thenComparing(byName));
        return out;
    }

    private static <T extends Comparable<T>> Comparator<TaskRow> nullsFirst(Function<TaskRow, T> key) {
        return Comparator.comparing(key, Comparator.nullsFirst(Comparator.naturalOrder()));
    }
}
