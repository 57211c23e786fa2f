package io.tasker.metrics.console.alerts;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.tasker.metrics.console.web.Templates;
import io.tasker.metrics.console.web.Ui;
import java.util.Map;

/** {@code GET /ui/alerts}: the alert banner fragment that every page's frame loads and polls. */
public final class AlertsController {
    private final Alerts alerts;
    private final Templates templates;

    public AlertsController(Alerts alerts, Templates templates) {
        this.alerts = alerts;
        this.templates = templates;
    }

    public void register(RoutesConfig routes) {
        routes.get(Ui.ALERTS_FRAGMENT, this::banner);
    }

    private void banner(Context ctx) {
        templates.render(ctx, "tag/alertBanner.jte", Map.of("banners", alerts.banners()));
    }
}
