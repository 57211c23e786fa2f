package io.tasker.metrics.config;

import io.tasker.metrics.export.remote.Compression;
import io.tasker.metrics.export.remote.RemoteWriteSettings;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * The remote write endpoint and its credentials; {@code toString()} never shows the password.
 *
 * <pre>{@code
 * RemoteWriteSettings settings = config.remoteWrite().settings(config.delivery());
 * }</pre>
 *
 * @param endpoint {@code telemetry.prometheus.endpoint}, the remote write URL, or null
 * @param username {@code telemetry.prometheus.username}, or null
 * @param password {@code telemetry.prometheus.password}, or null; never shown
 * @param compression {@code telemetry.prometheus.compression}: snappy, gzip or none
 * @param required {@code telemetry.prometheus.require_endpoint}
 */
public record RemoteWriteConfig(
        String endpoint, String username, String password, String compression, boolean required) {
    /**
     * Whether the endpoint is set.
     *
     * @return true when an endpoint is set and not blank
     */
    public boolean configured() {
        return endpoint != null && !endpoint.isBlank();
    }

    /**
     * The remote write client's settings; the endpoint must be set.
     *
     * @param delivery the timeout, retries, batch size and skip policy of each request
     * @return the remote write settings
     * @throws IllegalArgumentException when the endpoint is not set or not a valid URL, or a
     *     setting is out of range
     */
    public RemoteWriteSettings settings(DeliveryConfig delivery) {
        if (!configured()) {
            throw new IllegalArgumentException("telemetry.prometheus.endpoint is not set, and remote write needs it");
        }
        URI uri;
        try {
            uri = new URI(endpoint.strip());
        } catch (URISyntaxException e) {
            // The reason, not the input: a malformed URL may still carry a password.
            throw new IllegalArgumentException("telemetry.prometheus.endpoint is not a valid URL: " + e.getReason(), e);
        }
        return new RemoteWriteSettings(
                uri,
                username,
                password,
                delivery.timeout(),
                delivery.retryAttempts(),
                Compression.parse(compression),
                delivery.batchSize(),
                delivery.skipIfUnavailable());
    }

    @Override
    public String toString() {
        return "RemoteWriteConfig[endpoint=" + endpoint + ", username=" + username + ", password="
                + (password == null ? "null" : "***") + ", compression=" + compression + ", required=" + required
                + "]";
    }
}
