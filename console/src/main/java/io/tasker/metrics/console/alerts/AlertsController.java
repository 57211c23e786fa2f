package io.tasker.metrics.console.alerts;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.tasker.metrics.console.web.Templates;
import io.tasker.metrics.console.web.Ui;
import io.tasker.metrics.runtime.StoreStatus;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code GET /ui/alerts}: the banners that every page's frame loads and polls: the store that
 * cannot be reached first (everything else on the page is older than it looks), then the
 * alerts, grouped.
 */
public final class AlertsController {
    private final Alerts alerts;
    private final Supplier<StoreStatus> store;
    private final Templates templates;

    /**
     * @param store the store as the console's collector last saw it
     */
    public AlertsController(Alerts alerts, Supplier<StoreStatus> store, Templates templates) {
        this.alerts = alerts;
        this.store = store;
        this.templates = templates;
    }

    public void register(RoutesConfig routes) {
        routes.get(Ui.ALERTS_FRAGMENT, this::banner);
    }

    private void banner(Context ctx) {
        StoreStatus now = store.get();
        Map<String, Object> params = new HashMap<>();
        params.put("groups", alerts.groups());
        params.put("store", now.healthy() ? null : now);
        templates.render(ctx, "tag/alertBanner.jte", params);
    }
}
