package io.tasker.metrics.config;

import io.tasker.metrics.export.otlp.OtlpMetricsSettings;
import io.tasker.metrics.export.remote.Compression;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The OTLP metrics export's settings from the same configuration as the traces: the standard
 * {@code OTEL_EXPORTER_OTLP_*} variables (the {@code _METRICS_} form first, then the general one),
 * {@code -Dotel.*} system properties above them, our {@code telemetry.otlp.*} and
 * {@code telemetry.service_name} keys beneath; retries, batch size and skip-if-unavailable from
 * {@code telemetry.prometheus.*}, as remote write has them, and its {@code export_timeout} unless
 * {@code OTEL_EXPORTER_OTLP_TIMEOUT} says otherwise.
 *
 * <pre>{@code
 * OtlpMetricsSettings settings = OtlpMetricsConfig.settings(config, System.getProperties());
 * }</pre>
 */
public final class OtlpMetricsConfig {
    private OtlpMetricsConfig() {}

    /**
     * The settings of a loaded configuration.
     *
     * @param config the configuration, with the {@code OTEL_*} variables it was loaded with
     * @param system system properties; {@code otel.*} ones beat the variables
     * @return the settings
     * @throws IllegalArgumentException naming the variable or key whose value cannot be used
     */
    public static OtlpMetricsSettings settings(TaskerConfig config, Properties system) {
        Lookup otel = new Lookup(config.otel(), system);
        String protocol = otel.first("otel.exporter.otlp.metrics.protocol", "otel.exporter.otlp.protocol");
        if (protocol != null && !protocol.isBlank() && !protocol.trim().equals("http/protobuf")) {
            throw new IllegalArgumentException(
                    otel.source + ": the OTLP metrics export speaks http/protobuf, not '" + protocol.trim() + "'");
        }
        DeliveryConfig p = config.delivery();
        return new OtlpMetricsSettings(
                endpoint(config, otel),
                headers(config, otel),
                compression(otel),
                timeout(otel, p.timeout()),
                p.retryAttempts(),
                p.batchSize(),
                p.skipIfUnavailable(),
                resource(config, otel));
    }

    private static URI endpoint(TaskerConfig config, Lookup otel) {
        String full = otel.first("otel.exporter.otlp.metrics.endpoint");
        if (full != null && !full.isBlank()) {
            return uri(otel.source, full.trim());
        }
        String base = otel.first("otel.exporter.otlp.endpoint");
        String source = otel.source;
        if (base == null || base.isBlank()) {
            base = config.openTelemetry().otlpEndpoint();
            source = ConfigKey.OTLP_ENDPOINT.name();
        }
        return uri(source, base.trim().replaceAll("/+$", "") + "/v1/metrics");
    }

    private static URI uri(String source, String text) {
        try {
            return URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": not a URL", e);
        }
    }

    private static Map<String, String> headers(TaskerConfig config, Lookup otel) {
        String text = otel.first("otel.exporter.otlp.metrics.headers", "otel.exporter.otlp.headers");
        if (text != null) {
            return OtlpHeaders.parse(otel.source, text);
        }
        return OtlpHeaders.parse(
                ConfigKey.OTLP_HEADERS.name(), config.openTelemetry().otlpHeaders());
    }

    private static Compression compression(Lookup otel) {
        String word = otel.first("otel.exporter.otlp.metrics.compression", "otel.exporter.otlp.compression");
        if (word == null || word.isBlank() || word.trim().equalsIgnoreCase("none")) {
            return Compression.NONE;
        }
        if (word.trim().equalsIgnoreCase("gzip")) {
            return Compression.GZIP;
        }
        throw new IllegalArgumentException(otel.source + ": '" + word + "' is not gzip or none");
    }

    private static Duration timeout(Lookup otel, Duration exportTimeout) {
        String millis = otel.first("otel.exporter.otlp.metrics.timeout", "otel.exporter.otlp.timeout");
        if (millis == null || millis.isBlank()) {
            return exportTimeout;
        }
        try {
            return Duration.ofMillis(Long.parseLong(millis.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(otel.source + ": '" + millis + "' is not a number of milliseconds", e);
        }
    }

    /**
     * {@code OTEL_RESOURCE_ATTRIBUTES}, with {@code service.name} from {@code OTEL_SERVICE_NAME},
     * else from those attributes, else {@code telemetry.service_name}, as the specification orders
     * them. No {@code service.instance.id}: the cluster view is every instance's.
     */
    private static Map<String, String> resource(TaskerConfig config, Lookup otel) {
        Map<String, String> out = new LinkedHashMap<>();
        String attributes = otel.first("otel.resource.attributes");
        if (attributes != null) {
            for (String pair : attributes.split(",")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    out.put(
                            pair.substring(0, eq).trim(),
                            decode(pair.substring(eq + 1).trim()));
                }
            }
        }
        String name = otel.first("otel.service.name");
        if (name != null && !name.isBlank()) {
            out.put("service.name", name.trim());
        }
        out.putIfAbsent("service.name", config.openTelemetry().serviceName());
        out.remove("service.instance.id");
        return out;
    }

    private static String decode(String value) {
        return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** A property by its {@code otel.*} name: the system property, else the variable; remembers where it came from. */
    private static final class Lookup {
        private final Map<String, String> env;
        private final Properties system;
        private String source;

        Lookup(Map<String, String> env, Properties system) {
            this.env = env;
            this.system = system;
        }

        String first(String... names) {
            for (String name : names) {
                String property = system.getProperty(name);
                if (property != null) {
                    source = "-D" + name;
                    return property;
                }
                String variable = name.toUpperCase(Locale.ROOT).replace('.', '_');
                if (env.containsKey(variable)) {
                    source = variable;
                    return env.get(variable);
                }
            }
            return null;
        }
    }
}
