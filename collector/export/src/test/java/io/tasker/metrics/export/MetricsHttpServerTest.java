package io.tasker.metrics.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.MetricRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The JDK-server {@code /metrics}: whatever the client sends, an answer, never an escaped exception. */
class MetricsHttpServerTest {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @Test
    void malformedAcceptHeadersGetPrometheusText() throws Exception {
        MetricRegistry registry = new MetricRegistry();
        registry.counter("jobs_total").labels().inc(2);
        try (MetricsHttpServer server = MetricsHttpServer.start("127.0.0.1", 0, registry::snapshot)) {
            for (String accept : new String[] {";", ",,,;;;", "text/plain,;"}) {
                HttpResponse<String> r = CLIENT.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics"))
                                .header("Accept", accept)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, r.statusCode(), accept);
                assertTrue(r.body().contains("jobs_total 2"), r.body());
            }
        }
    }

    @Test
    void aPostIs405() throws Exception {
        try (MetricsHttpServer server = MetricsHttpServer.start("127.0.0.1", 0, new MetricRegistry()::snapshot)) {
            HttpResponse<String> r = CLIENT.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics"))
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(405, r.statusCode());
        }
    }
}
