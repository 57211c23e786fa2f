package io.tasker.metrics.servlet;

import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.format.ExpositionFormatWriter;
import io.tasker.metrics.snapshot.MetricsSnapshot;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Serves a registry's snapshot on GET, in OpenMetrics when the {@code Accept} header asks for it
 * and in Prometheus text 0.0.4 otherwise (the core's {@link ExpositionFormatWriter#forAcceptHeader}),
 * from any Jakarta Servlet 6 container: Tomcat, Jetty, Undertow.
 *
 * <pre>{@code
 * ServletContextHandler context = new ServletContextHandler();
 * context.addServlet(new ServletHolder(new MetricsServlet(registry)), "/metrics");
 * }</pre>
 */
public class MetricsServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    /** Transient: a servlet is serializable by inheritance, a snapshot source is not. */
    private final transient Supplier<MetricsSnapshot> source;

    /**
     * Serves a registry.
     *
     * @param registry the registry whose snapshot each request gets
     */
    public MetricsServlet(MetricRegistry registry) {
        this(registry::snapshot);
    }

    /**
     * Serves any snapshot, a cluster view's say.
     *
     * @param source called once per request
     */
    public MetricsServlet(Supplier<MetricsSnapshot> source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ExpositionFormatWriter writer = ExpositionFormatWriter.forAcceptHeader(request.getHeader("Accept"));
        MetricsSnapshot snapshot = source.get();
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(writer.contentType());
        // Caches in between must not serve one format to a client that asked for the other.
        response.setHeader("Vary", "Accept");
        try (OutputStream out = response.getOutputStream()) {
            writer.write(out, snapshot);
        }
    }
}
