package io.tasker.metrics.spring.autoconfigure;

import io.tasker.metrics.config.ConfigKey;
import io.tasker.metrics.config.Durations;
import java.time.Duration;
import java.util.Map;

/**
 * A value other than the default for one configuration key, as a property and as the typed
 * value the configuration should then hold; valid on its own (with the companions some keys need).
 */
record SampleValue(String[] properties, Object expected) {
    private static final Map<String, String> TEXT = Map.ofEntries(
            Map.entry("telemetry.metrics_format", "openmetrics"),
            Map.entry("telemetry.instance_id", "web-7"),
            Map.entry("telemetry.export_directory", "/var/tmp/tasker-exports"),
            Map.entry("telemetry.prometheus.endpoint", "http://prometheus:9090/api/v1/write"),
            Map.entry("telemetry.prometheus.username", "pusher"),
            Map.entry("telemetry.prometheus.password", "s3cret"),
            Map.entry("telemetry.prometheus.metric_prefix", "app"),
            Map.entry("telemetry.prometheus.compression", "gzip"),
            Map.entry("cache.url", "null:"),
            Map.entry("cache.namespace", "orders"),
            Map.entry("telemetry.service_name", "orders-service"),
            Map.entry("telemetry.otlp.endpoint", "http://collector:4318"),
            Map.entry("telemetry.otlp.headers", "api-key=abc"),
            Map.entry("telemetry.masked_parameters", "pin"),
            Map.entry("telemetry.masked_value_pattern", "ord-[0-9]+"),
            Map.entry("telemetry.statsd.host", "agent"),
            Map.entry("telemetry.statsd.env", "prod"),
            Map.entry("telemetry.statsd.service", "orders"));

    static SampleValue of(ConfigKey key) {
        String property = TaskerConfigs.propertyName(key);
        Object expected = switch (key.kind()) {
            case BOOLEAN -> !Boolean.parseBoolean(key.defaultValue());
            case INTEGER -> 7;
            case DURATION -> Durations.parse(key.defaultValue()).plusSeconds(1);
            case STRING, URL -> TEXT.get(key.name());
        };
        String text = expected instanceof Duration d ? Durations.format(d) : String.valueOf(expected);
        if (key == ConfigKey.PASSWORD) {
            // A password alone is refused: it needs its user name.
            return new SampleValue(
                    new String[] {property + "=" + text, "tasker.telemetry.prometheus.username=pusher"}, expected);
        }
        if (key == ConfigKey.REQUIRE_ENDPOINT) {
            return new SampleValue(
                    new String[] {
                        property + "=" + text,
                        "tasker.telemetry.prometheus.endpoint=http://prometheus:9090/api/v1/write"
                    },
                    expected);
        }
        return new SampleValue(new String[] {property + "=" + text}, expected);
    }
}
