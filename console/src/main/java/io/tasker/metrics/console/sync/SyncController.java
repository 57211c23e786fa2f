package io.tasker.metrics.console.sync;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.tasker.metrics.console.ConsoleContext;
import io.tasker.metrics.console.dashboard.StatusAssembler;
import io.tasker.metrics.console.web.Ui;
import io.tasker.metrics.sync.SyncResult;

/** {@code POST /api/sync}: sync now; the sync panel for htmx, the result as JSON for scripts. */
public final class SyncController {
    private final ConsoleContext c;

    public SyncController(ConsoleContext c) {
        this.c = c;
    }

    public void register(RoutesConfig routes) {
        routes.post(Ui.API_SYNC, this::syncNow);
    }

    private void syncNow(Context ctx) {
        SyncResult r = c.sync().syncNow();
        c.views().invalidate();
        if (ctx.header("HX-Request") != null) {
            String message = r.success()
                    ? "Synced " + r.seriesSynced() + " series in " + r.duration().toMillis() + " ms."
                    : "Sync failed: " + r.error();
            c.templates().render(ctx, "sync/syncFragment.jte", StatusAssembler.status(c, message, null, null).sync());
        } else {
            ctx.status(r.success() ? 200 : 502).json(r);
        }
    }
}
