package io.tasker.metrics.export.remote;

import io.tasker.metrics.export.internal.QueryMask;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Where and how remote writes go: the {@code telemetry.prometheus.*} keys that concern them.
 * Invalid values fail at construction with a message naming the key; {@link #toString()} never
 * shows the password, nor a secret in the endpoint's query string.
 *
 * <pre>{@code
 * RemoteWriteSettings settings = RemoteWriteSettings.defaults(URI.create("http://prometheus:9090/api/v1/write"));
 * }</pre>
 *
 * @param endpoint the receiver's URL, http or https, without credentials in it
 * @param username basic auth user, or null for none
 * @param password basic auth password, or null
 * @param timeout each attempt's connect and request timeout ({@code export_timeout})
 * @param retryAttempts retries of a request after a 5xx, a 429, a timeout or a connection failure
 * @param compression the body's compression
 * @param batchSize the most series per request
 * @param skipIfUnavailable report an unreachable endpoint as a skip instead of a failure
 */
public record RemoteWriteSettings(
        URI endpoint,
        String username,
        String password,
        Duration timeout,
        int retryAttempts,
        Compression compression,
        int batchSize,
        boolean skipIfUnavailable) {
    /** The timeout of {@link #defaults}. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);
    /** The retries of {@link #defaults}. */
    public static final int DEFAULT_RETRY_ATTEMPTS = 3;
    /** The series per request of {@link #defaults}. */
    public static final int DEFAULT_BATCH_SIZE = 1_000;
    /** The most retries a request may have. */
    public static final int MAX_RETRY_ATTEMPTS = 10;
    /** The most series a request may carry. */
    public static final int MAX_BATCH_SIZE = 100_000;

    /**
     * Checks the settings; an empty user or password becomes null.
     *
     * @param endpoint the receiver's http or https URL with a host, without credentials
     * @param username basic auth user without {@code :}, or null or empty for none
     * @param password basic auth password, or null or empty; only with a user
     * @param timeout each attempt's timeout; positive
     * @param retryAttempts retries of a request, within 0..{@value #MAX_RETRY_ATTEMPTS}
     * @param compression the body's compression; not null
     * @param batchSize the most series per request, within 1..{@value #MAX_BATCH_SIZE}
     * @param skipIfUnavailable report an unreachable endpoint as a skip instead of a failure
     * @throws IllegalArgumentException for an invalid value, naming its key
     */
    public RemoteWriteSettings {
        checkEndpoint(endpoint);
        username = username == null || username.isEmpty() ? null : username;
        password = password == null || password.isEmpty() ? null : password;
        if (username != null && username.indexOf(':') >= 0) {
            // Basic auth joins user and password with a colon, so the user may not hold one (RFC 7617).
            throw new IllegalArgumentException("telemetry.prometheus.username must not contain ':'");
        }
        if (username == null && password != null) {
            throw new IllegalArgumentException(
                    "telemetry.prometheus.password is set but telemetry.prometheus.username is not");
        }
        Objects.requireNonNull(timeout, "telemetry.prometheus.export_timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("telemetry.prometheus.export_timeout must be positive, got " + timeout);
        }
        if (retryAttempts < 0 || retryAttempts > MAX_RETRY_ATTEMPTS) {
            throw new IllegalArgumentException("telemetry.prometheus.retry_attempts must be within 0.."
                    + MAX_RETRY_ATTEMPTS + ", got " + retryAttempts);
        }
        Objects.requireNonNull(compression, "telemetry.prometheus.compression");
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            throw new IllegalArgumentException(
                    "telemetry.prometheus.batch_size must be within 1.." + MAX_BATCH_SIZE + ", got " + batchSize);
        }
    }

    /**
     * The defaults: 2 min timeout, 3 retries, snappy, 1,000 series, skip if unavailable (docs/configuration.md).
     *
     * @param endpoint the receiver's URL
     * @return settings without basic auth
     */
    public static RemoteWriteSettings defaults(URI endpoint) {
        return new RemoteWriteSettings(
                endpoint,
                null,
                null,
                DEFAULT_TIMEOUT,
                DEFAULT_RETRY_ATTEMPTS,
                Compression.SNAPPY,
                DEFAULT_BATCH_SIZE,
                true);
    }

    private static void checkEndpoint(URI endpoint) {
        Objects.requireNonNull(endpoint, "telemetry.prometheus.endpoint");
        String authority = endpoint.getRawAuthority();
        if (endpoint.getRawUserInfo() != null || authority != null && authority.indexOf('@') >= 0) {
            throw new IllegalArgumentException("telemetry.prometheus.endpoint must not carry credentials;"
                    + " set telemetry.prometheus.username and telemetry.prometheus.password instead");
        }
        String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || endpoint.getHost() == null) {
            throw new IllegalArgumentException("telemetry.prometheus.endpoint: '" + QueryMask.apply(endpoint.toString())
                    + "' is not an http or https URL with a host");
        }
    }

    /**
     * The endpoint as logs, errors and the export history show it: the values of query parameters
     * named like a secret ({@code ?api_key=...}) masked.
     *
     * @return the endpoint, masked
     */
    public String shownEndpoint() {
        return QueryMask.apply(endpoint.toString());
    }

    @Override
    public String toString() {
        return "RemoteWriteSettings[endpoint=" + shownEndpoint() + ", username=" + username
                + ", password=" + (password == null ? "null" : "***") + ", timeout=" + timeout
                + ", retryAttempts=" + retryAttempts + ", compression=" + compression.word()
                + ", batchSize=" + batchSize + ", skipIfUnavailable=" + skipIfUnavailable + "]";
    }
}
