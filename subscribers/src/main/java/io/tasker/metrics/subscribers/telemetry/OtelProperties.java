package io.tasker.metrics.subscribers.telemetry;

import io.tasker.metrics.config.ConfigKey;
import io.tasker.metrics.config.OtlpHeaders;
import io.tasker.metrics.config.TaskerConfig;
import io.tasker.metrics.store.CacheStores;
import java.net.URI;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The OpenTelemetry SDK configuration properties ({@code otel.*}) that autoconfigure is given,
 * from four layers, each beating the one before: our built-in defaults, the {@code telemetry.*}
 * keys of the YAML file, the {@code OTEL_*} environment variables, and {@code -Dotel.*} system
 * properties. So an operator's standard variable always wins, and our keys only fill in what the
 * standard leaves open. Each value remembers where it came from, so an error names it.
 */
final class OtelProperties {
    static final String TRACES_PROTOCOL = "otel.exporter.otlp.traces.protocol";
    static final String PROTOCOL = "otel.exporter.otlp.protocol";
    static final String HTTP_JSON = "http/json";

    /**
     * Where ours differ from the SDK's: the protocol (Java's SDK still defaults to grpc, the
     * specification says http/protobuf, and we ship no gRPC sender), our loopback endpoint, no
     * metric or log exporter (we send traces; the SDK's own metrics go to our registry), and the
     * SDK's self-metrics in their semantic-convention form, which count drops by reason.
     */
    private static final Map<String, String> BUILT_IN = Map.of(
            "otel.traces.exporter",
            "otlp",
            "otel.metrics.exporter",
            "none",
            "otel.logs.exporter",
            "none",
            PROTOCOL,
            "http/protobuf",
            "otel.experimental.sdk.telemetry.version",
            "latest");

    private final Map<String, String> values = new HashMap<>();
    private final Map<String, String> sources = new HashMap<>();

    private OtelProperties() {}

    static OtelProperties of(TaskerConfig config, Map<String, String> env, Properties system) {
        OtelProperties p = new OtelProperties();
        BUILT_IN.forEach((k, v) -> p.put(k, v, "the default"));
        p.put("otel.exporter.otlp.endpoint", config.openTelemetry().otlpEndpoint(), ConfigKey.OTLP_ENDPOINT.name());
        p.put("otel.exporter.otlp.headers", config.openTelemetry().otlpHeaders(), ConfigKey.OTLP_HEADERS.name());
        env.forEach((k, v) -> {
            if (k.startsWith("OTEL_")) {
                p.put(k.toLowerCase(Locale.ROOT).replace('_', '.'), v, k);
            }
        });
        system.stringPropertyNames().stream()
                .filter(k -> k.startsWith("otel."))
                .forEach(k -> p.put(k.toLowerCase(Locale.ROOT).replace('-', '.'), system.getProperty(k), "-D" + k));
        return p;
    }

    private void put(String key, String value, String source) {
        if (value != null) {
            values.put(key, value);
            sources.put(key, source);
        }
    }

    String get(String key) {
        return values.get(key);
    }

    String source(String key) {
        return sources.getOrDefault(key, key);
    }

    /**
     * The checked map autoconfigure gets. Endpoints must be http(s) URLs; header lists are parsed
     * here and re-encoded; {@code http/json}, which the SDK's autoconfigure does not offer, is
     * turned into {@code http/protobuf} for it (the JSON exporter replaces the exporter it builds).
     *
     * @throws IllegalArgumentException naming the variable, property or key at fault
     */
    Map<String, String> checked() {
        Map<String, String> out = new HashMap<>(values);
        for (String key : new String[] {"otel.exporter.otlp.endpoint", "otel.exporter.otlp.traces.endpoint"}) {
            checkEndpoint(key);
        }
        for (String key : new String[] {"otel.exporter.otlp.headers", "otel.exporter.otlp.traces.headers"}) {
            if (values.containsKey(key)) {
                out.put(key, OtlpHeaders.encode(OtlpHeaders.parse(source(key), values.get(key))));
            }
        }
        if (json()) {
            out.put(TRACES_PROTOCOL, "http/protobuf");
        }
        return Map.copyOf(out);
    }

    /** Whether traces go as OTLP/JSON. */
    boolean json() {
        String protocol = values.containsKey(TRACES_PROTOCOL) ? values.get(TRACES_PROTOCOL) : values.get(PROTOCOL);
        return HTTP_JSON.equals(protocol == null ? null : protocol.trim());
    }

    private void checkEndpoint(String key) {
        String raw = values.get(key);
        if (raw == null || raw.isBlank()) {
            return;
        }
        String text = CacheStores.maskPassword(raw.trim());
        URI uri;
        try {
            uri = URI.create(raw.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source(key) + ": '" + text + "' is not a URL", e);
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException(
                    source(key) + ": '" + text
                            + "' must be an http:// or https:// URL of an OTLP/HTTP receiver, such as http://otel-collector:4318");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException(source(key) + ": the URL must not carry credentials (not shown);"
                    + " send them as a header with OTEL_EXPORTER_OTLP_HEADERS");
        }
    }
}
