package io.tasker.metrics.console.metrics;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.console.service.ViewCache;
import io.tasker.metrics.console.web.Ui;
import io.tasker.metrics.format.ExpositionFormatWriter;
import io.tasker.metrics.formats.JsonWriter;
import io.tasker.metrics.snapshot.MetricsSnapshot;
import java.io.IOException;

/**
 * {@code GET /metrics}: the cluster view for Prometheus (text 0.0.4, or OpenMetrics when the
 * Accept header asks), every series labelled {@code tasker_view="cluster"} (see {@code ViewLabel});
 * {@code GET /api/metrics}: the same as JSON, without the label, or this console's own instance
 * view with {@code ?scope=instance}.
 */
public final class MetricsController {
    private final ViewCache views;
    private final MetricRegistry own;

    /** @param own this console's own registry, for {@code ?scope=instance} */
    public MetricsController(ViewCache views, MetricRegistry own) {
        this.views = views;
        this.own = own;
    }

    public void register(RoutesConfig routes) {
        routes.get(Ui.METRICS, this::metrics);
        routes.get(Ui.API_METRICS, this::api);
    }

    private void metrics(Context ctx) throws IOException {
        // The view is read before the first byte, so an unreadable store is a clean 503.
        MetricsSnapshot snapshot = views.get().snapshot();
        ExpositionFormatWriter writer = ExpositionFormatWriter.forAcceptHeader(ctx.header("Accept"));
        ctx.contentType(writer.contentType());
        writer.write(ctx.outputStream(), ViewLabel.cluster(snapshot));
    }

    private void api(Context ctx) throws IOException {
        MetricsSnapshot snapshot = "instance".equals(ctx.queryParam("scope"))
                ? own.snapshot()
                : views.get().snapshot();
        ctx.contentType(JsonWriter.CONTENT_TYPE);
        new JsonWriter().write(ctx.outputStream(), snapshot);
    }
}
