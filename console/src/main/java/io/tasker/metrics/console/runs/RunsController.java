package io.tasker.metrics.console.runs;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.tasker.metrics.console.security.Security;
import io.tasker.metrics.console.status.StatusService;
import io.tasker.metrics.console.web.Layout;
import io.tasker.metrics.console.web.Templates;
import io.tasker.metrics.console.web.Ui;
import io.tasker.metrics.runs.RunQuery;
import io.tasker.metrics.runs.StepSummary;
import io.tasker.metrics.runs.TaskRun;
import io.tasker.metrics.store.StoreException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /runs} (the cluster's recent runs, failed-only filter, search by task id and by error
 * text, sorted, in pages; steps slowest first), {@code GET /runs/{task_id}} (one run's step timeline
 * and trace link, or a page saying it is no longer kept), and their JSON:
 * {@code GET /api/runs?status=failed|success&task_name=...&task_id=...&error=...&sort=started|ended|duration|task&order=desc|asc&limit=...&offset=...}
 * (a page, with the number of matching runs) and
 * {@code GET /api/runs/{task_id}}.
 */
public final class RunsController {
    private final RunsService runs;
    private final StatusService status;
    private final Templates templates;
    private final String traceUrl;

    /** @param traceUrl {@code console.trace_url}, such as {@code http://jaeger:16686/trace/{trace_id}}, or null */
    public RunsController(RunsService runs, StatusService status, Templates templates, String traceUrl) {
        this.runs = runs;
        this.status = status;
        this.templates = templates;
        this.traceUrl = traceUrl;
    }

    public void register(RoutesConfig routes) {
        routes.get(Ui.RUNS_PAGE, this::page);
        routes.get(Ui.RUN_PAGE, this::runPage);
        routes.get(Ui.API_RUNS, this::api);
        routes.get(Ui.API_RUN, this::apiRun);
    }

    private static RunQuery query(Context ctx) {
        return RunQuery.of(
                ctx.queryParam("status"),
                ctx.queryParam("task_name"),
                ctx.queryParam("task_id"),
                ctx.queryParam("limit"),
                ctx.queryParam("offset"));
    }

    private static RunOrder order(Context ctx) {
        return RunOrder.of(ctx.queryParam("error"), ctx.queryParam("sort"), ctx.queryParam("order"));
    }

    private void page(Context ctx) {
        RunQuery query = query(ctx);
        RunOrder order = order(ctx);
        List<TaskRun> all = List.of();
        List<StepSummary> steps = List.of();
        String error = null;
        try {
            all = runs.cluster();
            steps = runs.steps();
        } catch (StoreException e) {
            error = "The shared store could not be read: " + e.getMessage()
                    + ". Shown: this console's own runs, from its memory.";
            all = runs.own();
        }
        List<String> names =
                all.stream().map(TaskRun::taskName).distinct().sorted().toList();
        templates.render(
                ctx,
                "runs/runs.jte",
                new RunsPage(
                        layout(ctx, "Task runs"),
                        query.select(order.apply(all)),
                        orEmpty(ctx.queryParam("status")),
                        orEmpty(ctx.queryParam("task_name")),
                        orEmpty(ctx.queryParam("task_id")),
                        order,
                        names,
                        steps,
                        error));
    }

    private void runPage(Context ctx) {
        String id = ctx.pathParam("task_id");
        Optional<TaskRun> run = runs.find(id);
        if (run.isEmpty()) {
            // A link to a run outlives the run: say so in a page with the way back.
            ctx.status(404);
            templates.render(ctx, "runs/gone.jte", new RunGonePage(layout(ctx, "Task " + id), id));
            return;
        }
        templates.render(
                ctx,
                "runs/run.jte",
                new RunPage(layout(ctx, "Task " + id), run.get(), Timeline.of(run.get()), traceUrl));
    }

    private void api(Context ctx) {
        RunQuery query = query(ctx);
        RunOrder order = order(ctx);
        try {
            RunQuery.Selection page = query.select(order.apply(runs.cluster()));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("total", page.total());
            body.put("offset", page.offset());
            body.put("limit", page.limit());
            body.put("runs", page.runs());
            body.put("steps", runs.steps());
            ctx.json(body);
        } catch (StoreException e) {
            ctx.status(503).json(Map.of("error", "the shared store could not be read: " + e.getMessage()));
        }
    }

    private void apiRun(Context ctx) {
        String id = ctx.pathParam("task_id");
        try {
            runs.find(id)
                    .ifPresentOrElse(
                            ctx::json,
                            () -> ctx.status(404)
                                    .json(Map.of("error", "no recent run of task " + id + " in the cluster")));
        } catch (StoreException e) {
            ctx.status(503).json(Map.of("error", "the shared store could not be read: " + e.getMessage()));
        }
    }

    private Layout layout(Context ctx, String title) {
        return new Layout(title, Security.csrfToken(ctx), "runs", status.staleness());
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
