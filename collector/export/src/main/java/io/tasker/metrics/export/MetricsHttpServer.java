package io.tasker.metrics.export;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tasker.metrics.format.ExpositionFormatWriter;
import io.tasker.metrics.snapshot.MetricsSnapshot;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@code /metrics} endpoint on the JDK's own HTTP server, for services that embed the
 * collector without a web framework. A snapshot that cannot be taken (the store is down) gives
 * a 503 with the reason, so Prometheus marks the target down rather than scraping nothing.
 *
 * <p>A service serves its own instance's registry, and Prometheus adds the pods up. Serving the
 * cluster view from every pod would multiply the totals by the pod count in any query that sums
 * them; the console serves it once, labelled {@code tasker_view="cluster"} (docs/operations.md).
 *
 * <pre>{@code
 * try (MetricsHttpServer server = MetricsHttpServer.start("127.0.0.1", 9464, collector.registry()::snapshot)) {
 *     ...
 * }
 * }</pre>
 */
public final class MetricsHttpServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MetricsHttpServer.class);

    private final HttpServer server;

    private MetricsHttpServer(HttpServer server) {
        this.server = server;
    }

    /**
     * Serves {@code /metrics} on {@code host:port}; port 0 takes a free one.
     *
     * @param host the address to bind
     * @param port the port to bind, or 0 for a free one
     * @param source takes the snapshot each scrape serves
     * @return the running server
     * @throws IOException when the address cannot be bound
     */
    public static MetricsHttpServer start(String host, int port, Supplier<MetricsSnapshot> source) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
        server.createContext("/metrics", exchange -> serve(source, exchange));
        server.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "tasker-metrics-http");
            t.setDaemon(true);
            return t;
        }));
        server.start();
        return new MetricsHttpServer(server);
    }

    /**
     * The port the server listens on, the one chosen when 0 was asked for.
     *
     * @return the bound port
     */
    public int port() {
        return server.getAddress().getPort();
    }

    private static void serve(Supplier<MetricsSnapshot> source, HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            ExpositionFormatWriter writer = ExpositionFormatWriter.forAcceptHeader(
                    exchange.getRequestHeaders().getFirst("Accept"));
            // The snapshot is taken before the first byte, so a failure can still be a clean 503.
            MetricsSnapshot snapshot;
            try {
                snapshot = source.get();
            } catch (RuntimeException e) {
                LOG.warn("Scrape failed: {}", e.getMessage());
                byte[] body = ("cannot read metrics: " + e.getMessage() + "\n").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
                exchange.sendResponseHeaders(503, body.length);
                exchange.getResponseBody().write(body);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", writer.contentType());
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                writer.write(out, snapshot);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
