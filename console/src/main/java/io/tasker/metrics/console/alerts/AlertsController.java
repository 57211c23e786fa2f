package io.tasker.metrics.console.alerts;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.tasker.metrics.console.ConsoleContext;
import io.tasker.metrics.console.web.Ui;
import java.util.Map;

/** {@code GET /ui/alerts}: the alert banner fragment that every page's frame loads and polls. */
public final class AlertsController {
    private final ConsoleContext c;

    public AlertsController(ConsoleContext c) {
        this.c = c;
    }

    public void register(RoutesConfig routes) {
        routes.get(Ui.ALERTS_FRAGMENT, this::banner);
    }

    private void banner(Context ctx) {
        c.templates().render(ctx, "tag/alertBanner.jte", Map.of("banners", c.alerts().banners()));
    }
}
