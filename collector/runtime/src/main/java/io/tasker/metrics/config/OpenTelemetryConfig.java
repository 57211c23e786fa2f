package io.tasker.metrics.config;

import java.time.Duration;

/**
 * What the OpenTelemetry parts read: task traces over OTLP and the OTLP defaults beneath the
 * standard {@code OTEL_*} variables; {@code toString()} never shows the headers.
 *
 * <pre>{@code
 * boolean traces = config.openTelemetry().enabled();
 * }</pre>
 *
 * @param enabled {@code telemetry.enabled}: whether to send task traces by OTLP
 * @param serviceName {@code telemetry.service_name}
 * @param otlpEndpoint {@code telemetry.otlp.endpoint}, the OTLP/HTTP base URL
 * @param otlpHeaders {@code telemetry.otlp.headers} ({@code key=value,...}), or null; never shown
 * @param maskedParameters {@code telemetry.masked_parameters}, comma-separated
 * @param maskedValuePattern {@code telemetry.masked_value_pattern}, or null
 * @param openSpanTimeout {@code telemetry.open_span_timeout}
 */
public record OpenTelemetryConfig(
        boolean enabled,
        String serviceName,
        String otlpEndpoint,
        String otlpHeaders,
        String maskedParameters,
        String maskedValuePattern,
        Duration openSpanTimeout) {
    @Override
    public String toString() {
        return "OpenTelemetryConfig[enabled=" + enabled + ", serviceName=" + serviceName + ", otlpEndpoint="
                + ConfigKey.OTLP_ENDPOINT.show(otlpEndpoint) + ", otlpHeaders="
                + ConfigKey.OTLP_HEADERS.show(otlpHeaders) + ", ...]";
    }
}
