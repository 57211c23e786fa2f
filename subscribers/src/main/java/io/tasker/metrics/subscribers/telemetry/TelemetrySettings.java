package io.tasker.metrics.subscribers.telemetry;

import io.tasker.metrics.config.ConfigKey;
import io.tasker.metrics.config.TaskerConfig;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where and how traces go, from {@code telemetry.*} and the variables users of OpenTelemetry
 * expect: {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT} (used as given) wins over
 * {@code OTEL_EXPORTER_OTLP_ENDPOINT} or {@code telemetry.otlp.endpoint} (a base to which
 * {@code /v1/traces} is added); {@code OTEL_EXPORTER_OTLP_HEADERS} and
 * {@code OTEL_EXPORTER_OTLP_TRACES_HEADERS} add to {@code telemetry.otlp.headers}
 * ({@code key=value,key2=value2}, values URL-encoded); {@code OTEL_SERVICE_NAME} wins over
 * {@code telemetry.service_name}.
 *
 * <pre>{@code
 * TelemetrySettings settings = TelemetrySettings.from(config, System.getenv());
 * }</pre>
 *
 * @param enabled whether to send traces
 * @param serviceName the traces' {@code service.name}
 * @param tracesEndpoint the full OTLP/HTTP traces URL
 * @param headers headers sent with every export; their values are never shown
 * @param options the subscriber's memory bounds and attribute mask
 */
public record TelemetrySettings(boolean enabled, String serviceName, URI tracesEndpoint, Map<String, String> headers,
                                TelemetryOptions options) {
    /**
     * Copies the headers.
     *
     * @param enabled whether to send traces
     * @param serviceName the traces' {@code service.name}
     * @param tracesEndpoint the full OTLP/HTTP traces URL
     * @param headers headers sent with every export
     * @param options the subscriber's memory bounds and attribute mask
     */
    public TelemetrySettings {
        headers = Map.copyOf(headers);
    }

    @Override
    public String toString() {
        return "TelemetrySettings[enabled=" + enabled + ", serviceName=" + serviceName + ", tracesEndpoint="
                + tracesEndpoint + ", headers=" + headers.keySet() + " (values hidden)]";
    }

    /**
     * The settings of a configuration and the OpenTelemetry environment variables.
     *
     * @param config the configuration
     * @param env the environment variables
     * @return the settings
     * @throws IllegalArgumentException naming the key or variable whose value cannot be used
     */
    public static TelemetrySettings from(TaskerConfig config, Map<String, String> env) {
        URI endpoint = endpoint(config.value(ConfigKey.OTLP_ENDPOINT), env.get("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.putAll(headers("telemetry.otlp.headers (or OTEL_EXPORTER_OTLP_HEADERS)", config.value(ConfigKey.OTLP_HEADERS)));
        headers.putAll(headers("OTEL_EXPORTER_OTLP_TRACES_HEADERS", env.get("OTEL_EXPORTER_OTLP_TRACES_HEADERS")));
        TelemetryOptions defaults = TelemetryOptions.defaults();
        TelemetryOptions options = new TelemetryOptions(config.value(ConfigKey.OPEN_SPAN_TIMEOUT),
                defaults.maxOpenTasks(), ParameterMask.parse(config.value(ConfigKey.MASKED_PARAMETERS)));
        return new TelemetrySettings(config.value(ConfigKey.TELEMETRY_ENABLED), config.value(ConfigKey.SERVICE_NAME),
                endpoint, headers, options);
    }

    private static URI endpoint(String base, String tracesEndpoint) {
        boolean full = tracesEndpoint != null && !tracesEndpoint.isBlank();
        String text = full ? tracesEndpoint.trim() : base.replaceAll("/+$", "") + "/v1/traces";
        String source = full ? "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT" : "telemetry.otlp.endpoint (or OTEL_EXPORTER_OTLP_ENDPOINT)";
        URI uri;
        try {
            uri = URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": '" + text + "' is not a URL: " + e.getMessage(), e);
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException(source + ": '" + text
                    + "' must be an http:// or https:// URL of an OTLP/HTTP receiver, such as http://otel-collector:4318");
        }
        return uri;
    }

    static Map<String, String> headers(String source, String text) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String pair : text.split(",")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(source + ": '" + pair.trim()
                        + "' is not key=value; write headers as key1=value1,key2=value2");
            }
            out.put(decode(pair.substring(0, eq).trim()), decode(pair.substring(eq + 1).trim()));
        }
        return out;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
