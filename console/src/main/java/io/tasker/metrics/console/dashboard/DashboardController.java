package io.tasker.metrics.console.dashboard;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.tasker.metrics.Clock;
import io.tasker.metrics.console.chart.Sparklines;
import io.tasker.metrics.console.security.Security;
import io.tasker.metrics.console.service.ViewCache;
import io.tasker.metrics.console.status.StatusService;
import io.tasker.metrics.console.status.StatusView;
import io.tasker.metrics.console.tasks.Headlines;
import io.tasker.metrics.console.web.Layout;
import io.tasker.metrics.console.web.Templates;
import io.tasker.metrics.console.web.Ui;
import io.tasker.metrics.snapshot.MetricsSnapshot;
import io.tasker.metrics.store.StoreException;

/** The dashboard: {@code GET /}, and the metric table fragment that htmx polls. */
public final class DashboardController {
    private final ViewCache views;
    private final StatusService status;
    private final Templates templates;
    private final Clock clock;
    private final Sparklines sparks;
    private final Headlines headlines;
    private final PageCache cache;

    public DashboardController(
            ViewCache views,
            StatusService status,
            Templates templates,
            Clock clock,
            Sparklines sparks,
            Headlines headlines) {
        this.views = views;
        this.status = status;
        this.templates = templates;
        this.clock = clock;
        this.sparks = sparks;
        this.headlines = headlines;
        this.cache = new PageCache(clock);
    }

    public void register(RoutesConfig routes) {
        routes.get(Ui.DASHBOARD, this::page);
        routes.get(Ui.METRICS_FRAGMENT, this::table);
    }

    private void page(Context ctx) {
        Filter filter = Filter.from(ctx);
        StatusView panels = panels();
        Table table = table(filter);
        Layout layout = new Layout("Dashboard", Security.csrfToken(ctx), "dashboard", panels.staleness());
        templates.render(
                ctx,
                "dashboard/dashboard.jte",
                new DashboardPage(layout, panels, table.view, table.error, sparks, headlines.figures()));
    }

    private void table(Context ctx) {
        Table table = table(Filter.from(ctx));
        templates.render(ctx, "dashboard/metricsFragment.jte", new MetricsFragment(table.view, table.error, sparks));
    }

    private Table table(Filter filter) {
        try {
            return new Table(cache.table(views.get(), filter), null);
        } catch (StoreException e) {
            // The page still renders, with the store's error where the table would be.
            return new Table(MetricsTable.build(MetricsSnapshot.empty(clock.instant()), filter), e.getMessage());
        }
    }

    private StatusView panels() {
        try {
            return cache.status(views.get(), () -> status.status(null, null, null));
        } catch (StoreException e) {
            return status.status(null, null, null);
        }
    }

    private record Table(MetricsTable.View view, String error) {}
}
