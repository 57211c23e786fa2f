package io.tasker.metrics.export.otlp;

import io.tasker.metrics.export.internal.Untraced;
import io.tasker.metrics.export.otlp.internal.OtlpBatch;
import io.tasker.metrics.export.otlp.internal.OtlpMetricsEncoder;
import io.tasker.metrics.export.otlp.internal.OtlpResponse;
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
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends snapshots (the cluster view) to an OTLP/HTTP receiver as {@code ExportMetricsServiceRequest}s
 * in binary protobuf, one POST per batch of at most {@code batchSize} series, as the OTLP
 * specification's HTTP exporter does: {@code Content-Type: application/x-protobuf}, gzip when
 * asked, the configured headers.
 *
 * <p>Retries and timeouts work as remote write's: a request is retried up to
 * {@code retryAttempts} times after 100 ms, 200 ms, 400 ms..., or after the answer's
 * {@code Retry-After} (at most the timeout), on what OTLP calls retryable (429, 502, 503, 504), a
 * timeout or a connection failure; each attempt has the timeout to connect and to answer. An
 * answer that reports rejected data points ({@code partial_success}) is a failure, because the
 * totals would no longer be exact. An unreachable receiver with nothing delivered yet is a skip
 * when {@code skipIfUnavailable}. {@link #push} never throws, and its messages never hold a
 * header's value. Requests run with OpenTelemetry's instrumentation suppressed ({@link Untraced}).
 *
 * <pre>{@code
 * OtlpMetricsClient client = new OtlpMetricsClient(settings);
 * OtlpMetricsResult r = client.push(view.snapshot());
 * }</pre>
 */
public final class OtlpMetricsClient {
    static final Duration FIRST_RETRY_DELAY = Duration.ofMillis(100);
    private static final Logger LOG = LoggerFactory.getLogger(OtlpMetricsClient.class);
    private static final Duration STALL_SLACK = Duration.ofSeconds(1);
    private static final String SCOPE = "io.tasker.metrics";

    private final OtlpMetricsSettings settings;
    private final OtlpMetricsEncoder encoder;
    private final HttpClient http;

    /**
     * A client for these settings; its connections are shared by pushes.
     *
     * @param settings where and how to send
     */
    public OtlpMetricsClient(OtlpMetricsSettings settings) {
        this.settings = settings;
        this.encoder = new OtlpMetricsEncoder(settings.batchSize(), settings.resource(), SCOPE, version());
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.timeout())
                .build();
    }

    /**
     * The settings it sends with.
     *
     * @return the settings
     */
    public OtlpMetricsSettings settings() {
        return settings;
    }

    /**
     * Sends every series of the snapshot, batch after batch, stopping at the first batch that fails.
     *
     * @param snapshot what to send
     * @return what happened; never throws
     */
    public OtlpMetricsResult push(MetricsSnapshot snapshot) {
        Tally tally = new Tally();
        try {
            Iterator<OtlpBatch> batches = encoder.batches(snapshot);
            while (batches.hasNext()) {
                OtlpBatch batch = batches.next();
                byte[] body = settings.compression().compress(batch.protobuf());
                Attempt last = deliver(request(body), tally);
                if (last.outcome() != Outcome.ACCEPTED) {
                    return stopped(tally, last);
                }
                tally.accepted(batch, body.length);
            }
            return tally.result(false, null);
        } catch (RuntimeException e) {
            LOG.error("OTLP metrics export to {} failed unexpectedly", settings.endpoint(), e);
            return tally.result(false, "OTLP metrics export failed unexpectedly: " + e);
        }
    }

    private OtlpMetricsResult stopped(Tally tally, Attempt last) {
        if (last.outcome() == Outcome.UNREACHABLE && settings.skipIfUnavailable() && tally.requests == 0) {
            LOG.info("OTLP metrics export skipped (skip_if_unavailable): {}", last.message());
            return tally.result(true, "skipped, endpoint unreachable: " + last.message());
        }
        String after = tally.requests == 0 ? "" : " (after " + tally.requests + " accepted requests)";
        return tally.result(false, last.message() + after);
    }

    private Attempt deliver(HttpRequest request, Tally tally) {
        for (int retry = 0; ; retry++) {
            Attempt attempt = send(request);
            tally.attempts++;
            if (!attempt.retryable() || retry >= settings.retryAttempts()) {
                return attempt;
            }
            Duration delay = attempt.retryAfter() != null
                    ? min(attempt.retryAfter(), settings.timeout())
                    : FIRST_RETRY_DELAY.multipliedBy(1L << retry);
            LOG.warn(
                    "OTLP metrics attempt failed: {}; retry {} of {} in {} ms",
                    attempt.message(),
                    retry + 1,
                    settings.retryAttempts(),
                    delay.toMillis());
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Attempt(Outcome.REJECTED, "interrupted", null);
            }
        }
    }

    private HttpRequest request(byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(settings.endpoint())
                .timeout(settings.timeout())
                .header("Content-Type", "application/x-protobuf")
                .header("User-Agent", "tasker-metrics/" + version())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (settings.compression().contentEncoding() != null) {
            b.header("Content-Encoding", settings.compression().contentEncoding());
        }
        settings.headers().forEach(b::header);
        return b.build();
    }

    private Attempt send(HttpRequest request) {
        CompletableFuture<HttpResponse<byte[]>> future =
                Untraced.call(() -> http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()));
        try {
            return answer(future.get(settings.timeout().plus(STALL_SLACK).toMillis(), TimeUnit.MILLISECONDS));
        } catch (ExecutionException e) {
            return failure(e.getCause());
        } catch (TimeoutException e) {
            future.cancel(true);
            return new Attempt(
                    Outcome.RETRY,
                    "no complete answer from " + settings.endpoint() + " within "
                            + settings.timeout().toMillis() + " ms",
                    null);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            return new Attempt(Outcome.REJECTED, "interrupted", null);
        }
    }

    private Attempt answer(HttpResponse<byte[]> response) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            OtlpResponse.PartialSuccess partial = OtlpResponse.partialSuccess(response.body());
            if (partial.rejected() > 0) {
                return new Attempt(
                        Outcome.REJECTED,
                        settings.endpoint() + " rejected " + partial.rejected() + " data points: "
                                + redact(partial.message()),
                        null);
            }
            return new Attempt(Outcome.ACCEPTED, null, null);
        }
        String message = "HTTP " + status + " from " + settings.endpoint() + ": " + redact(excerpt(response.body()));
        boolean retryable = status == 429 || status == 502 || status == 503 || status == 504;
        return new Attempt(
                retryable ? Outcome.RETRY : Outcome.REJECTED, message, retryable ? retryAfter(response) : null);
    }

    private Attempt failure(Throwable t) {
        String where = settings.endpoint().toString();
        if (t instanceof HttpConnectTimeoutException
                || causedBy(t, ConnectException.class)
                || causedBy(t, UnresolvedAddressException.class)
                || causedBy(t, UnknownHostException.class)) {
            return new Attempt(Outcome.UNREACHABLE, "could not connect to " + where + ": " + t, null);
        }
        if (t instanceof HttpTimeoutException) {
            return new Attempt(
                    Outcome.RETRY,
                    "no answer from " + where + " within " + settings.timeout().toMillis() + " ms",
                    null);
        }
        if (t instanceof IOException) {
            return new Attempt(Outcome.RETRY, "connection to " + where + " failed: " + t, null);
        }
        return new Attempt(Outcome.REJECTED, "could not send to " + where + ": " + t, null);
    }

    /** An echoed request must not put our headers' values (API keys) into logs and the history. */
    private String redact(String text) {
        String out = text == null ? "" : text;
        for (String value : settings.headers().values()) {
            if (value.length() >= 4) {
                out = out.replace(value, "***");
            }
        }
        return out.replaceAll("[\\r\\n\\t]+", " ");
    }

    private static String excerpt(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8).strip();
        return text.isEmpty() ? "(empty body)" : text;
    }

    private static Duration retryAfter(HttpResponse<?> response) {
        return response.headers()
                .firstValue("Retry-After")
                .map(String::strip)
                .filter(v -> v.matches("\\d{1,9}"))
                .map(v -> Duration.ofSeconds(Long.parseLong(v)))
                .orElse(null);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) > 0 ? b : a;
    }

    private static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    private static String version() {
        String v = OtlpMetricsClient.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    private enum Outcome {
        ACCEPTED,
        RETRY,
        UNREACHABLE,
        REJECTED
    }

    private record Attempt(Outcome outcome, String message, Duration retryAfter) {
        boolean retryable() {
            return outcome == Outcome.RETRY || outcome == Outcome.UNREACHABLE;
        }
    }

    /** What the accepted requests of one push add up to. */
    private static final class Tally {
        int requests;
        long series;
        long uncompressedBytes;
        long sentBytes;
        int attempts;

        void accepted(OtlpBatch batch, int sent) {
            requests++;
            series += batch.series();
            uncompressedBytes += batch.protobuf().length;
            sentBytes += sent;
        }

        OtlpMetricsResult result(boolean skipped, String error) {
            return new OtlpMetricsResult(requests, series, uncompressedBytes, sentBytes, attempts, skipped, error);
        }
    }
}
