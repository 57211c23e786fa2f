package io.tasker.metrics.javalin;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.format.ExpositionFormatWriter;
import io.tasker.metrics.snapshot.MetricsSnapshot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A Javalin handler that serves a registry's snapshot, in OpenMetrics when the {@code Accept}
 * header asks for it and in Prometheus text 0.0.4 otherwise, as the console's {@code /metrics} does.
 *
 * <pre>{@code
 * Javalin.create(config -> config.routes.get("/metrics", new MetricsHandler(registry))).start(8080);
 * }</pre>
 */
public final class MetricsHandler implements Handler {
    private final Supplier<MetricsSnapshot> source;

    /**
     * Serves a registry.
     *
     * @param registry the registry whose snapshot each request gets
     */
    public MetricsHandler(MetricRegistry registry) {
        this(registry::snapshot);
    }

    /**
     * Serves any snapshot, a cluster view's say.
     *
     * @param source called once per request
     */
    public MetricsHandler(Supplier<MetricsSnapshot> source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    @Override
    public void handle(Context ctx) throws IOException {
        ExpositionFormatWriter writer = ExpositionFormatWriter.forAcceptHeader(ctx.header("Accept"));
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        writer.write(out, source.get());
        ctx.header("Vary", "Accept").contentType(writer.contentType()).result(out.toByteArray());
    }
}
