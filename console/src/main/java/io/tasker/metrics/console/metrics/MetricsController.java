package io.tasker.metrics.console.metrics;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.tasker.metrics.console.ConsoleContext;
import io.tasker.metrics.console.web.Ui;
import io.tasker.metrics.export.ScrapeEndpoint;
import io.tasker.metrics.format.ExpositionFormatWriter;
import io.tasker.metrics.format.JsonWriter;
import io.tasker.metrics.snapshot.MetricsSnapshot;
import io.tasker.metrics.store.StoreException;
import java.io.IOException;

/**
 * {@code GET /metrics}: the cluster view for Prometheus (text 0.0.4, or OpenMetrics when the
 * Accept header asks); {@code GET /api/metrics}: the same as JSON, or this console's own
 * instance view with {@code ?scope=instance}.
 */
public final class MetricsController {
    private final ConsoleContext c;
    private final ScrapeEndpoint scrape;

    public MetricsController(ConsoleContext c) {
        this.c = c;
        this.scrape = new ScrapeEndpoint(() -> c.views().get().snapshot());
    }

    public void register(RoutesConfig routes) {
        routes.get(Ui.METRICS, this::metrics);
        routes.get(Ui.API_METRICS, this::api);
    }

    private void metrics(Context ctx) throws IOException {
        MetricsSnapshot snapshot;
        try {
            snapshot = scrape.snapshot();
        } catch (StoreException e) {
            ctx.status(503).result("The cluster view cannot be read: " + e.getMessage());
            return;
        }
        ExpositionFormatWriter writer = scrape.writerFor(ctx.header("Accept"));
        ctx.contentType(writer.contentType());
        writer.write(ctx.outputStream(), snapshot);
    }

    private void api(Context ctx) throws IOException {
        MetricsSnapshot snapshot;
        if ("instance".equals(ctx.queryParam("scope"))) {
            snapshot = c.runtime().registry().snapshot();
        } else {
            try {
                snapshot = c.views().get().snapshot();
            } catch (StoreException e) {
                ctx.status(503).json(java.util.Map.of("error", "The cluster view cannot be read: " + e.getMessage()));
                return;
            }
        }
        ctx.contentType(JsonWriter.CONTENT_TYPE);
        new JsonWriter().write(ctx.outputStream(), snapshot);
    }
}
