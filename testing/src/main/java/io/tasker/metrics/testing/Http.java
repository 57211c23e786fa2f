package io.tasker.metrics.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Blocking HTTP calls for tests, on the JDK's own client. Request headers come as name, value
 * pairs, as {@link HttpRequest.Builder#headers(String...)} takes them.
 *
 * <p>{@code Http.Response synced = Http.post(console + "/api/sync", "Authorization", "Bearer " + token);}
 */
public final class Http {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    /**
     * A status code, the body as text, and the response headers.
     *
     * @param status the HTTP status code
     * @param body the body as text
     * @param headers the response headers
     */
    public record Response(int status, String body, HttpHeaders headers) {

        /**
         * The first value of a response header, e.g. {@code Set-Cookie}; names are case-insensitive.
         *
         * @param name the header's name
         * @return its first value, or empty
         */
        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }
    }

    private Http() {}

    /**
     * {@code GET url} with these request headers, e.g. {@code "Accept", "application/json"}.
     *
     * @param url the URL
     * @param headers request header names and values, alternating
     * @return the response
     * @throws IOException when the request fails or is interrupted
     */
    public static Response get(String url, String... headers) throws IOException {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), headers);
    }

    /**
     * {@code POST url} without a body, with these request headers, e.g. {@code "Authorization", "Bearer t"}.
     *
     * @param url the URL
     * @param headers request header names and values, alternating
     * @return the response
     * @throws IOException when the request fails or is interrupted
     */
    public static Response post(String url, String... headers) throws IOException {
        return send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.noBody()), headers);
    }

    private static Response send(HttpRequest.Builder request, String... headers) throws IOException {
        if (headers.length > 0) {
            request.headers(headers); // throws on an odd count: a name without its value
        }
        try {
            HttpResponse<String> response =
                    CLIENT.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response.headers());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted", e);
        }
    }

    /**
     * Like {@link #get(String, String...)} but for callers that cannot throw checked exceptions.
     *
     * @param url the URL
     * @param headers request header names and values, alternating
     * @return the response
     * @throws UncheckedIOException when the request fails
     */
    public static Response getUnchecked(String url, String... headers) {
        try {
            return get(url, headers);
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + url + " failed", e);
        }
    }
}
