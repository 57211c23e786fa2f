package io.tasker.metrics.console.instances;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.tasker.metrics.console.security.Security;
import io.tasker.metrics.console.status.StatusService;
import io.tasker.metrics.console.web.Layout;
import io.tasker.metrics.console.web.Templates;
import io.tasker.metrics.console.web.Ui;
import io.tasker.metrics.store.StoreException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** {@code GET /instances} and {@code GET /api/instances}. */
public final class InstancesController {
    private final InstancesService instances;
    private final StatusService status;
    private final Templates templates;
    private final Duration syncInterval;

    public InstancesController(
            InstancesService instances, StatusService status, Templates templates, Duration syncInterval) {
        this.instances = instances;
        this.status = status;
        this.templates = templates;
        this.syncInterval = syncInterval;
    }

    public void register(RoutesConfig routes) {
        routes.get(Ui.INSTANCES_PAGE, this::page);
        routes.get(Ui.API_INSTANCES, this::api);
    }

    /** A store that cannot be read answers 503 through the console's StoreException handler. */
    private void api(Context ctx) {
        ctx.json(Map.of("sync_interval_seconds", syncInterval.toSeconds(), "instances", instances.rows()));
    }

    private void page(Context ctx) {
        List<InstanceRow> rows;
        String error = null;
        try {
            rows = instances.rows();
        } catch (StoreException e) {
            rows = List.of();
            error = e.getMessage();
        }
        Layout layout = new Layout("Instances", Security.csrfToken(ctx), "instances", status.staleness());
        templates.render(
                ctx, "instances/instances.jte", new InstancesPage(layout, rows, syncInterval, error, instances.now()));
    }
}
