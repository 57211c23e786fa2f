package io.tasker.metrics.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
  * Blocking HTTP calls for tests, on the JDK's own client.
  *
  * <p>{@code Http.Response ready = Http.get("http://127.0.0.1:9090/-/ready");}
  */
public final class Http {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    /** A status code and the body as text. */
    public record Response(int status, String body) {}

    private Http() {}

    public static Response get(String url) throws IOException {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    public static Response post(String url) throws IOException {
        return send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    private static Response send(HttpRequest.Builder request) throws IOException {
        try {
            HttpResponse<String> response = CLIENT.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted", e);
        }
    }

    /** Like {@link #get(String)} but for callers that cannot throw checked exceptions. */
    public static Response getUnchecked(String url) {
        try {
            return get(url);
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + url + " failed", e);
        }
    }
}
