package io.tasker.metrics.console.sync;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.tasker.metrics.console.service.SyncService;
import io.tasker.metrics.console.service.ViewCache;
import io.tasker.metrics.console.status.StatusService;
import io.tasker.metrics.console.web.Templates;
import io.tasker.metrics.console.web.Ui;
import io.tasker.metrics.sync.SyncResult;
import java.util.Map;

/**
 * {@code POST /api/sync}: sync now; the sync panel for htmx, the result as JSON for scripts.
 * {@code GET /ui/recovery}: the banner every page polls, shown while the view is being written
 * again after the store lost its data.
 */
public final class SyncController {
    private final SyncService sync;
    private final ViewCache views;
    private final StatusService status;
    private final Templates templates;

    public SyncController(SyncService sync, ViewCache views, StatusService status, Templates templates) {
        this.sync = sync;
        this.views = views;
        this.status = status;
        this.templates = templates;
    }

    public void register(RoutesConfig routes) {
        routes.post(Ui.API_SYNC, this::syncNow);
        routes.get(Ui.RECOVERY_FRAGMENT, this::recoveryBanner);
    }

    private void recoveryBanner(Context ctx) {
        templates.render(
                ctx,
                "tag/recoveryBanner.jte",
                Map.of("message", status.recovery().orElse("")));
    }

    private void syncNow(Context ctx) {
        SyncResult r = sync.syncNow();
        views.invalidate();
        if (ctx.header("HX-Request") != null) {
            String message = r.success()
                    ? "Synced " + r.seriesSynced() + " series in "
                            + r.duration().toMillis() + " ms."
                    : "Sync failed: " + r.error();
            templates.render(
                    ctx,
                    "sync/syncFragment.jte",
                    status.status(message, null, null).sync());
        } else {
            ctx.status(r.success() ? 200 : 502).json(r);
        }
    }
}
