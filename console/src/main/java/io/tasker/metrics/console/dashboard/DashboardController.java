package io.tasker.metrics.console.dashboard;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.tasker.metrics.console.ConsoleContext;
import io.tasker.metrics.console.chart.Sparklines;
import io.tasker.metrics.console.tasks.Headlines;
import io.tasker.metrics.console.security.Security;
import io.tasker.metrics.console.web.Layout;
import io.tasker.metrics.console.web.Ui;
import io.tasker.metrics.snapshot.MetricsSnapshot;
import io.tasker.metrics.store.StoreException;

/** The dashboard: {@code GET /}, and the metric table fragment that htmx polls. */
public final class DashboardController {
    private final ConsoleContext c;
    private final Sparklines sparks;
    private final Headlines headlines;
    private final PageCache cache;

    public DashboardController(ConsoleContext c) {
        this.c = c;
        this.sparks = new Sparklines(c.history());
        this.headlines = new Headlines(c.history(), c.tasks(), c.runtime().registry().options()::prefixed);
        this.cache = new PageCache(c.clock());
    }

    public void register(RoutesConfig routes) {
        routes.get(Ui.DASHBOARD, this::page);
        routes.get(Ui.METRICS_FRAGMENT, this::table);
    }

    private void page(Context ctx) {
        Filter filter = Filter.from(ctx);
        StatusView status = status();
        Table table = table(filter);
        Layout layout = new Layout("Dashboard", Security.csrfToken(ctx), "dashboard", status.staleness());
        c.templates().render(ctx, "dashboard/dashboard.jte", new DashboardPage(layout, status, table.view, table.error, sparks,
                headlines.figures()));
    }

    private void table(Context ctx) {
        Table table = table(Filter.from(ctx));
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("view", table.view);
        params.put("error", table.error);
        params.put("sparks", sparks);
        c.templates().render(ctx, "dashboard/metricsFragment.jte", params);
    }

    private Table table(Filter filter) {
        try {
            return new Table(cache.table(c.views().get(), filter), null);
        } catch (StoreException e) {
            return new Table(MetricsTable.build(MetricsSnapshot.empty(c.clock().instant()), filter), e.getMessage());
        }
    }

    private StatusView status() {
        try {
            return cache.status(c.views().get(), () -> StatusAssembler.status(c, null, null, null));
        } catch (StoreException e) {
            return StatusAssembler.status(c, null, null, null);
        }
    }

    private record Table(MetricsTable.View view, String error) {
    }
}
