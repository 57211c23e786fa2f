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
 * ({@code key=value,key2=value2}, values percent-encoded, {@code +} kept as a plus); {@code OTEL_SERVICE_NAME} wins over
 * {@code telemetry.service_name}.
 *
 * <pre>{@code
 * TelemetrySettings settings = TelemetrySettings.from(config, System.getenv());
 * }</pre>
 */
public record TelemetrySettings(boolean enabled, String serviceName, URI tracesEndpoint, Map<String, String> headers,
                                TelemetryOptions options) {
    public TelemetrySettings {
        headers = Map.copyOf(headers);
    }

    @Override
    public String toString() {
        return "TelemetrySettings[enabled=" + enabled + ", serviceName=" + serviceName + ", tracesEndpoint="
                + tracesEndpoint + ", headers=" + headers.keySet() + " (values hidden)]";
    }

    /**
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

    /**
     * {@code key1=value1,key2=value2}, values percent-decoded as the OpenTelemetry specification
     * says (W3C baggage: {@code +} is a plus, not a space). A bad entry is named by its place, never
     * quoted: it is most likely a credential written the way an HTTP header is.
     */
    static Map<String, String> headers(String source, String text) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        String[] pairs = text.split(",");
        for (int i = 0; i < pairs.length; i++) {
            String where = source + ": entry " + (i + 1) + " of " + pairs.length;
            int eq = pairs[i].indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(where + " is not key=value (not shown: it may hold a secret); write "
                        + "headers as key1=value1,key2=value2, percent-encoded, such as Authorization=Bearer%20<token>");
            }
            out.put(decode(where, pairs[i].substring(0, eq).trim()), decode(where, pairs[i].substring(eq + 1).trim()));
        }
        return out;
    }

    private static String decode(String where, String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + " holds a % that starts no escape such as %20 (not shown: it may "
                    + "hold a secret)", e);
        }
    }
}
