package io.tasker.metrics.export.otlp;

import io.tasker.metrics.export.remote.Compression;
import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Where and how the cluster view goes as OTLP metrics: the receiver's full metrics URL, headers,
 * compression, each attempt's timeout, retries, series per request, and the resource that heads
 * every request. Built from the standard {@code OTEL_EXPORTER_OTLP_*} settings and our
 * {@code telemetry.*} keys by the runtime's configuration; {@link #toString()} never shows a
 * header's value.
 *
 * <pre>{@code
 * OtlpMetricsSettings s = OtlpMetricsSettings.defaults(URI.create("http://otel-collector:4318/v1/metrics"),
 *         Map.of("service.name", "tasker"));
 * }</pre>
 *
 * @param endpoint the full metrics URL, http or https, such as {@code http://collector:4318/v1/metrics}
 * @param headers sent with every request (an API key), values never shown
 * @param compression {@code GZIP} or {@code NONE}
 * @param timeout each attempt's connect and request timeout
 * @param retryAttempts retries of a request after a 429, 502, 503 or 504, a timeout or a connection failure
 * @param batchSize the most series (data points) in one request
 * @param skipIfUnavailable report an unreachable receiver as a skip instead of a failure
 * @param resource the resource's attributes
 */
public record OtlpMetricsSettings(
        URI endpoint,
        Map<String, String> headers,
        Compression compression,
        Duration timeout,
        int retryAttempts,
        int batchSize,
        boolean skipIfUnavailable,
        Map<String, String> resource) {
    /**
     * Checks every setting, naming what is wrong; a header's value is never shown.
     *
     * @param endpoint the full metrics URL
     * @param headers sent with every request
     * @param compression {@code GZIP} or {@code NONE}
     * @param timeout each attempt's timeout
     * @param retryAttempts 0 to 10
     * @param batchSize 1 to 100,000
     * @param skipIfUnavailable an unreachable receiver is a skip
     * @param resource the resource's attributes
     */
    public OtlpMetricsSettings {
        Objects.requireNonNull(endpoint, "OTLP metrics endpoint");
        String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || endpoint.getHost() == null) {
            throw new IllegalArgumentException(
                    "OTLP metrics endpoint: '" + endpoint + "' is not an http or https URL with a host");
        }
        if (endpoint.getRawUserInfo() != null) {
            throw new IllegalArgumentException("OTLP metrics endpoint must not carry credentials;"
                    + " send them as a header (OTEL_EXPORTER_OTLP_HEADERS)");
        }
        headers = Map.copyOf(headers);
        if (compression != Compression.GZIP && compression != Compression.NONE) {
            throw new IllegalArgumentException("OTLP compression must be gzip or none, not " + compression.word());
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("OTLP metrics timeout must be positive, got " + timeout);
        }
        if (retryAttempts < 0 || retryAttempts > 10) {
            throw new IllegalArgumentException("OTLP retry attempts must be within 0..10, got " + retryAttempts);
        }
        if (batchSize < 1 || batchSize > 100_000) {
            throw new IllegalArgumentException("OTLP batch size must be within 1..100000, got " + batchSize);
        }
        resource = Collections.unmodifiableMap(new LinkedHashMap<>(resource));
    }

    /**
     * A receiver with the defaults of remote write: 2 min timeout, 3 retries, 1,000 series, no
     * compression, skip if unavailable, no headers.
     *
     * @param endpoint the full metrics URL
     * @param resource the resource's attributes
     * @return the settings
     */
    public static OtlpMetricsSettings defaults(URI endpoint, Map<String, String> resource) {
        return new OtlpMetricsSettings(
                endpoint, Map.of(), Compression.NONE, Duration.ofMinutes(2), 3, 1_000, true, resource);
    }

    @Override
    public String toString() {
        return "OtlpMetricsSettings[endpoint=" + endpoint + ", headers=" + headers.keySet() + " (values hidden)"
                + ", compression=" + (compression.word() == null ? "none" : compression.word()) + ", timeout=" + timeout
                + ", retryAttempts=" + retryAttempts + ", batchSize=" + batchSize + ", skipIfUnavailable="
                + skipIfUnavailable + ", resource=" + resource + "]";
    }
}
