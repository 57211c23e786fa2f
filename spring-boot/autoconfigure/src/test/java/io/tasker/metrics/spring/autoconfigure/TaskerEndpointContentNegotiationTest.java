package io.tasker.metrics.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.testing.Http;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code /actuator/tasker} over HTTP, in a web application on a real embedded Tomcat with every
 * auto-configuration on the class path: the request's {@code Accept} header picks the format, as
 * a Prometheus scrape, a client asking for one format, or a browser sends it. (The text's validity
 * is {@code TaskerEndpointAutoConfigurationTest}'s and the example's promtool check.)
 */
class TaskerEndpointContentNegotiationTest {
    /** What Prometheus 2.x sends when it scrapes: OpenMetrics first, Prometheus text as a fallback. */
    private static final String PROMETHEUS_SCRAPE = "application/openmetrics-text;version=1.0.0,"
            + "application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";

    private static ConfigurableApplicationContext context;
    private static String url;

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class WebApplication {}

    @BeforeAll
    static void start() {
        context = new SpringApplicationBuilder(WebApplication.class)
                .properties(
                        "server.port=0",
                        "server.address=127.0.0.1",
                        "management.endpoints.web.exposure.include=tasker",
                        "tasker.cache.url=memory:")
                .run();
        context.getBean(MetricRegistry.class)
                .counter("orders_total", "status")
                .labels("ok")
                .inc(2);
        url = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port") + "/actuator/tasker";
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void openMetricsWhenAskedFor() throws IOException {
        assertOpenMetrics(Http.get(url, "Accept", "application/openmetrics-text; version=1.0.0"));
    }

    @Test
    void openMetricsForAPrometheusScrape() throws IOException {
        assertOpenMetrics(Http.get(url, "Accept", PROMETHEUS_SCRAPE));
    }

    @Test
    void prometheusTextWhenAskedFor() throws IOException {
        assertPrometheusText(Http.get(url, "Accept", "text/plain; version=0.0.4"));
    }

    @Test
    void prometheusTextWithoutAccept() throws IOException {
        assertPrometheusText(Http.get(url));
    }

    @Test
    void prometheusTextForABrowser() throws IOException {
        assertPrometheusText(
                Http.get(url, "Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"));
    }

    private static void assertOpenMetrics(Http.Response r) {
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type").orElse(""))
                .startsWith("application/openmetrics-text")
                .contains("version=1.0.0");
        assertThat(r.body()).contains("tasker_orders_total{status=\"ok\"} 2").endsWith("# EOF\n");
    }

    private static void assertPrometheusText(Http.Response r) {
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type").orElse("")).startsWith("text/plain").contains("version=0.0.4");
        assertThat(r.body())
                .contains("# TYPE tasker_orders_total counter", "tasker_orders_total{status=\"ok\"} 2")
                .doesNotContain("# EOF");
    }
}
