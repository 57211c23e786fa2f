package io.tasker.metrics.export.remote;

import io.tasker.metrics.export.internal.QueryMask;
import io.tasker.metrics.export.internal.Untraced;
import io.tasker.metrics.export.remote.internal.RemoteWriteBatch;
import io.tasker.metrics.export.remote.internal.RemoteWriteEncoder;
import io.tasker.metrics.snapshot.MetricsSnapshot;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes snapshots to a Prometheus remote write 1.0 receiver: one POST per batch of at most
 * {@code batch_size} series, with the spec's headers ({@code Content-Type: application/x-protobuf},
 * {@code Content-Encoding}, {@code User-Agent}, {@code X-Prometheus-Remote-Write-Version: 0.1.0})
 * and basic auth when a user is set.
 *
 * <p>A request is retried up to {@code retry_attempts} times, after 100 ms, 200 ms, 400 ms...,
 * on a 5xx, a 429 (after its {@code Retry-After} seconds when given, at most
 * {@code export_timeout}), a timeout or a connection failure; never on another status, which the
 * spec says a retry cannot fix. Each attempt has {@code export_timeout} to connect and to answer.
 * When the endpoint cannot be reached at all, even after the retries, and nothing was delivered
 * yet, {@code skip_if_unavailable} makes the push a skip instead of a failure.
 *
 * <p>{@link #push} never throws: like every export it reports what happened in its result,
 * whose messages never hold the password. A client is thread-safe; pushes share its connections.
 *
 * <pre>{@code
 * URI endpoint = URI.create("http://prometheus:9090/api/v1/write");
 * RemoteWriteClient client = new RemoteWriteClient(RemoteWriteSettings.defaults(endpoint));
 * RemoteWriteResult result = client.push(registry.snapshot());
 * }</pre>
 */
public final class RemoteWriteClient {
    static final String CONTENT_TYPE = "application/x-protobuf";
    static final String REMOTE_WRITE_VERSION = "0.1.0";
    static final String USER_AGENT = "tasker-metrics/" + version();
    static final Duration FIRST_RETRY_DELAY = Duration.ofMillis(100);

    private static final Logger LOG = LoggerFactory.getLogger(RemoteWriteClient.class);
    /** Past the HTTP client's own timeouts: ends an attempt whose body stalls after its headers. */
    private static final Duration STALL_SLACK = Duration.ofSeconds(1);

    private static final int ERROR_BODY_CHARS = 200;
    /** Of a long body only the start is read for the excerpt, and so only it is redacted. */
    private static final int REDACT_BYTES = 64 * 1024;

    private static final Pattern CREDENTIAL_FIELD = Pattern.compile(
            "(?i)(\"?(?:proxy-)?authorization\"?|\"?(?:set-)?cookie\"?|\"?x-api-key\"?)(\\s*[:=]\\s*\"?)[^\"\\r\\n,}]*");

    private final RemoteWriteSettings settings;
    private final RemoteWriteEncoder encoder;
    private final Sleeper sleeper;
    private final HttpClient http;
    private final String authorization;

    /**
     * A client for the endpoint the settings name; it connects on the first push.
     *
     * @param settings endpoint, credentials, timeout, retries, compression and batch size
     */
    public RemoteWriteClient(RemoteWriteSettings settings) {
        this(settings, Sleeper.SYSTEM);
    }

    /** With another way to wait between retries, so that tests need not wait. */
    RemoteWriteClient(RemoteWriteSettings settings, Sleeper sleeper) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.encoder = new RemoteWriteEncoder(settings.batchSize());
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.timeout())
                .build();
        this.authorization = settings.username() == null ? null : basic(settings.username(), settings.password());
    }

    /**
     * The settings this client pushes with.
     *
     * @return the settings given to the constructor
     */
    public RemoteWriteSettings settings() {
        return settings;
    }

    /**
     * Sends every series of the snapshot, batch after batch, stopping at the first batch that fails.
     *
     * @param snapshot the series to send
     * @return what was sent, and the error or skip that stopped it; never thrown
     */
    public RemoteWriteResult push(MetricsSnapshot snapshot) {
        Tally tally = new Tally();
        try {
            Iterator<RemoteWriteBatch> batches = encoder.batches(snapshot);
            while (batches.hasNext()) {
                RemoteWriteBatch batch = batches.next();
                byte[] body = settings.compression().compress(batch.protobuf());
                Attempt last = deliver(request(body), tally);
                if (last.outcome() != Outcome.ACCEPTED) {
                    return stopped(tally, last);
                }
                tally.accepted(batch, body.length);
            }
            return tally.result(false, null);
        } catch (RuntimeException e) {
            // An export never throws into the host application; a bug here is reported like any failure.
            LOG.error("Remote write to {} failed unexpectedly", settings.shownEndpoint(), e);
            return tally.result(false, "remote write failed unexpectedly: " + describe(e));
        }
    }

    private RemoteWriteResult stopped(Tally tally, Attempt last) {
        if (last.outcome() == Outcome.UNREACHABLE && settings.skipIfUnavailable() && tally.requests == 0) {
            LOG.info("Remote write skipped (skip_if_unavailable): {}", last.message());
            return tally.result(true, "skipped, endpoint unreachable: " + last.message());
        }
        String after = tally.requests == 0 ? "" : " (after " + tally.requests + " accepted requests)";
        return tally.result(false, last.message() + after);
    }

    /** One request with its retries; the last attempt's outcome. */
    private Attempt deliver(HttpRequest request, Tally tally) {
        for (int retry = 0; ; retry++) {
            Attempt attempt = send(request);
            tally.attempts++;
            if (!attempt.retryable() || retry >= settings.retryAttempts()) {
                return attempt;
            }
            Duration delay = delay(attempt, retry);
            LOG.warn(
                    "Remote write attempt failed: {}; retry {} of {} in {} ms",
                    attempt.message(),
                    retry + 1,
                    settings.retryAttempts(),
                    delay.toMillis());
            try {
                sleeper.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Attempt.interrupted();
            }
        }
    }

    private Duration delay(Attempt attempt, int retry) {
        if (attempt.retryAfter() != null) {
            // The receiver knows best when to come back, but one answer must not stall an export
            // for longer than an attempt may take.
            return attempt.retryAfter().compareTo(settings.timeout()) > 0 ? settings.timeout() : attempt.retryAfter();
        }
        return FIRST_RETRY_DELAY.multipliedBy(1L << retry);
    }

    private HttpRequest request(byte[] body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(settings.endpoint())
                .timeout(settings.timeout())
                .header("Content-Type", CONTENT_TYPE)
                .header("User-Agent", USER_AGENT)
                .header("X-Prometheus-Remote-Write-Version", REMOTE_WRITE_VERSION)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        String encoding = settings.compression().contentEncoding();
        if (encoding != null) {
            builder.header("Content-Encoding", encoding);
        }
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder.build();
    }

    private Attempt send(HttpRequest request) {
        // Our own export: no CLIENT span from an OpenTelemetry agent for it.
        CompletableFuture<HttpResponse<byte[]>> future =
                Untraced.call(() -> http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()));
        try {
            return answer(future.get(settings.timeout().plus(STALL_SLACK).toMillis(), TimeUnit.MILLISECONDS));
        } catch (ExecutionException e) {
            return failure(e.getCause());
        } catch (TimeoutException e) {
            future.cancel(true);
            return Attempt.retry("no complete answer from " + settings.shownEndpoint() + " within " + millis(), null);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            return Attempt.interrupted();
        }
    }

    private Attempt answer(HttpResponse<byte[]> response) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return new Attempt(Outcome.ACCEPTED, null, null);
        }
        String message =
                "HTTP " + status + " from " + settings.shownEndpoint() + ": " + excerpt(redact(response.body()));
        if (status == 429 || status >= 500 && status < 600) {
            return Attempt.retry(message, retryAfter(response));
        }
        return new Attempt(Outcome.REJECTED, message, null);
    }

    private Attempt failure(Throwable t) {
        String where = settings.shownEndpoint();
        if (t instanceof HttpConnectTimeoutException) {
            return new Attempt(Outcome.UNREACHABLE, "could not connect to " + where + " within " + millis(), null);
        }
        if (causedBy(t, ConnectException.class)
                || causedBy(t, UnresolvedAddressException.class)
                || causedBy(t, UnknownHostException.class)) {
            return new Attempt(Outcome.UNREACHABLE, "could not connect to " + where + ": " + describe(t), null);
        }
        if (t instanceof HttpTimeoutException) {
            return Attempt.retry("no answer from " + where + " within " + millis(), null);
        }
        if (t instanceof IOException) {
            return Attempt.retry("connection to " + where + " failed: " + describe(t), null);
        }
        return new Attempt(Outcome.REJECTED, "could not send to " + where + ": " + describe(t), null);
    }

    private String millis() {
        return settings.timeout().toMillis() + " ms";
    }

    /** A {@code Retry-After} in seconds; an HTTP date or garbage leaves the usual backoff. */
    private static Duration retryAfter(HttpResponse<?> response) {
        return response.headers()
                .firstValue("Retry-After")
                .map(String::strip)
                .filter(v -> v.matches("\\d{1,9}"))
                .map(v -> Duration.ofSeconds(Long.parseLong(v)))
                .orElse(null);
    }

    /**
     * The body as it may be shown and stored: a receiver that echoes the request would otherwise
     * put our credentials into CLI output, logs and the shared history. Credential headers and
     * fields lose their values, the password and the basic-auth pair wherever they stand, and the
     * text is one line, so that it cannot forge lines of a log.
     */
    private String redact(byte[] body) {
        String out = new String(body, 0, Math.min(body.length, REDACT_BYTES), StandardCharsets.UTF_8);
        if (settings.password() != null) {
            String pair = settings.username() + ":" + settings.password();
            out = out.replace(Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)), "***")
                    .replace(settings.password(), "***");
        }
        return CREDENTIAL_FIELD.matcher(out).replaceAll("$1$2***").replaceAll("[\\r\\n\\t]+", " ");
    }

    private static String excerpt(String body) {
        String text = body.strip();
        if (text.isEmpty()) {
            return "(empty body)";
        }
        return text.length() <= ERROR_BODY_CHARS ? text : text.substring(0, ERROR_BODY_CHARS) + "...";
    }

    private static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    /** The exception and its causes, for the JDK's connect errors often carry no message of their own. */
    private static String describe(Throwable t) {
        StringBuilder text = new StringBuilder();
        for (Throwable c = t; c != null && text.length() < 300; c = c.getCause()) {
            text.append(text.length() == 0 ? "" : " <- ").append(c.getClass().getSimpleName());
            if (c.getMessage() != null) {
                text.append(": ").append(c.getMessage());
            }
        }
        return QueryMask.apply(text.toString()); // An exception may quote the URL, query string and all.
    }

    private static String basic(String username, String password) {
        String credentials = username + ":" + (password == null ? "" : password);
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    private static String version() {
        String v = RemoteWriteClient.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** Waits between retries. */
    @FunctionalInterface
    interface Sleeper {
        Sleeper SYSTEM = d -> Thread.sleep(d.toMillis());

        void sleep(Duration delay) throws InterruptedException;
    }

    private enum Outcome {
        ACCEPTED,
        RETRY,
        UNREACHABLE,
        REJECTED,
        INTERRUPTED
    }

    private record Attempt(Outcome outcome, String message, Duration retryAfter) {
        static Attempt retry(String message, Duration retryAfter) {
            return new Attempt(Outcome.RETRY, message, retryAfter);
        }

        static Attempt interrupted() {
            return new Attempt(Outcome.INTERRUPTED, "interrupted", null);
        }

        boolean retryable() {
            return outcome == Outcome.RETRY || outcome == Outcome.UNREACHABLE;
        }
    }

    /** What the accepted requests of one push add up to. */
    private static final class Tally {
        int requests;
        int series;
        long uncompressedBytes;
        long sentBytes;
        int attempts;

        void accepted(RemoteWriteBatch batch, int sent) {
            requests++;
            series += batch.series();
            uncompressedBytes += batch.protobuf().length;
            sentBytes += sent;
        }

        RemoteWriteResult result(boolean skipped, String error) {
            return new RemoteWriteResult(
                    requests, series, series, uncompressedBytes, sentBytes, attempts, skipped, error);
        }
    }
}
