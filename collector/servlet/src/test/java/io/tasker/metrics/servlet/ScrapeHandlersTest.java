package io.tasker.metrics.servlet;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.tasker.metrics.Histogram;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.javalin.MetricsHandler;
import io.tasker.metrics.testing.Http;
import io.tasker.metrics.testing.PrometheusConfig.ScrapeTarget;
import io.tasker.metrics.testing.PrometheusServerExtension;
import io.tasker.metrics.testing.Promtool;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The servlet in an embedded Jetty and the Javalin handler, each scraped by a real Prometheus
 * (which asks for OpenMetrics first, so its own parser checks that output) and by hand with
 * each {@code Accept} header; the Prometheus text also passes {@code promtool check metrics}.
 */
class ScrapeHandlersTest {
    @RegisterExtension
    static final PrometheusServerExtension PROMETHEUS = new PrometheusServerExtension();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OPENMETRICS = "application/openmetrics-text;version=1.0.0,text/plain;q=0.5";

    private final MetricRegistry registry = new MetricRegistry();

    @BeforeEach
    void record() {
        registry.counter("orders_total", "status").labels("ok").inc(7);
        registry.setGauge("queue_depth", 3, "queue", "default");
        Histogram.builder("order_seconds").buckets(0.1, 1).register(registry).observe(0.25);
    }

    @AfterEach
    void noTargets() {
        PROMETHEUS.scrape();
    }

    @Test
    void theServletInJettyIsScrapedByPrometheus() throws Exception {
        Server jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(new MetricsServlet(registry)), "/metrics");
        jetty.setHandler(context);
        jetty.start();
        try {
            String base = "http://127.0.0.1:" + connector.getLocalPort();
            checkBothFormats(base + "/metrics");
            assertScraped("servlet", "127.0.0.1:" + connector.getLocalPort());
        } finally {
            jetty.stop();
        }
    }

    @Test
    void theJavalinHandlerIsScrapedByPrometheus() throws Exception {
        Javalin app = Javalin.create(config -> {
                    config.startup.showJavalinBanner = false;
                    config.routes.get("/metrics", new MetricsHandler(registry));
                })
                .start("127.0.0.1", 0);
        try {
            checkBothFormats("http://127.0.0.1:" + app.port() + "/metrics");
            assertScraped("javalin", "127.0.0.1:" + app.port());
        } finally {
            app.stop();
        }
    }

    private static void checkBothFormats(String url) throws IOException {
        Http.Response text = Http.get(url);
        assertEquals(200, text.status());
        assertTrue(
                text.header("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"),
                text.headers().toString());
        assertTrue(text.body().contains("tasker_orders_total{status=\"ok\"} 7"), text.body());
        Promtool.assertValid(text.body());
        Http.Response open = Http.get(url, "Accept", OPENMETRICS);
        assertTrue(
                open.header("Content-Type").orElse("").startsWith("application/openmetrics-text"),
                open.headers().toString());
        assertTrue(open.body().endsWith("# EOF\n"), open.body());
        assertEquals("Accept", open.header("Vary").orElse(""));
    }

    private static void assertScraped(String job, String address) throws Exception {
        PROMETHEUS.scrape(ScrapeTarget.of(job, address));
        String query = "tasker_orders_total{job=\"" + job + "\",status=\"ok\"}";
        JsonNode result = await().alias("Prometheus stores " + query)
                .atMost(Duration.ofSeconds(30))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> query(query), r -> !r.isEmpty());
        assertEquals(7.0, result.path(0).at("/value/1").asDouble(), "what Prometheus stored for " + query);
        assertEquals(
                1.0, query("up{job=\"" + job + "\"}").path(0).at("/value/1").asDouble());
        assertEquals(
                1.0,
                query("tasker_order_seconds_bucket{job=\"" + job + "\",le=\"1.0\"}")
                        .path(0)
                        .at("/value/1")
                        .asDouble());
    }

    private static JsonNode query(String promql) throws IOException {
        Http.Response response =
                Http.get(PROMETHEUS.url() + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        assertEquals(200, response.status(), response.body());
        return JSON.readTree(response.body()).at("/data/result");
    }
}
