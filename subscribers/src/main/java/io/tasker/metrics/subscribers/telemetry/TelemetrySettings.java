package io.tasker.metrics.subscribers.telemetry;

import io.tasker.metrics.config.TaskerConfig;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Whether and how traces go, for the OpenTelemetry SDK's autoconfigure: every variable and system
 * property of the SDK configuration specification ({@code OTEL_EXPORTER_OTLP_ENDPOINT},
 * {@code OTEL_TRACES_SAMPLER}, {@code OTEL_RESOURCE_ATTRIBUTES}, {@code OTEL_BSP_*},
 * {@code OTEL_SDK_DISABLED}, ...) works as it does for any OpenTelemetry Java application; our
 * {@code telemetry.*} keys are defaults beneath them ({@code telemetry.otlp.endpoint},
 * {@code telemetry.otlp.headers}, {@code telemetry.service_name}), so a standard variable wins.
 * {@code telemetry.enabled} ({@code TASKER_TELEMETRY_ENABLED}) turns the subscriber on at all.
 *
 * <pre>{@code
 * TelemetrySettings settings = TelemetrySettings.from(config, System.getenv());
 * }</pre>
 *
 * @param enabled {@code telemetry.enabled}
 * @param properties the {@code otel.*} properties autoconfigure gets, checked (header values re-encoded)
 * @param json traces go as OTLP/JSON ({@code http/json}), which the SDK's autoconfigure does not offer itself
 * @param serviceName {@code telemetry.service_name}: the {@code service.name} unless
 *     {@code OTEL_SERVICE_NAME} or {@code OTEL_RESOURCE_ATTRIBUTES} names one
 * @param instanceId {@code telemetry.instance_id}, the default {@code service.instance.id}, or null
 * @param options how the subscriber bounds memory and masks values
 */
public record TelemetrySettings(
        boolean enabled,
        Map<String, String> properties,
        boolean json,
        String serviceName,
        String instanceId,
        TelemetryOptions options) {
    /**
     * Copies the properties.
     *
     * @param enabled {@code telemetry.enabled}
     * @param properties the checked {@code otel.*} properties
     * @param json traces go as OTLP/JSON
     * @param serviceName the default service name
     * @param instanceId the default instance id, or null
     * @param options memory bounds and masking
     */
    public TelemetrySettings {
        properties = Map.copyOf(properties);
    }

    /**
     * The settings of a configuration, with the process's system properties.
     *
     * @param config the loaded configuration
     * @param env the environment variables ({@code System.getenv()}, or a map in tests)
     * @return the settings
     * @throws IllegalArgumentException naming the key, variable or property whose value cannot be used
     */
    public static TelemetrySettings from(TaskerConfig config, Map<String, String> env) {
        return from(config, env, System.getProperties());
    }

    /**
     * The settings of a configuration with explicit system properties (tests).
     *
     * @param config the loaded configuration
     * @param env the environment variables
     * @param system the system properties; those starting with {@code otel.} count
     * @return the settings
     * @throws IllegalArgumentException naming the key, variable or property whose value cannot be used
     */
    public static TelemetrySettings from(TaskerConfig config, Map<String, String> env, Properties system) {
        OtelProperties otel = OtelProperties.of(config, env, system);
        return new TelemetrySettings(
                config.openTelemetry().enabled(),
                otel.checked(),
                otel.json(),
                config.openTelemetry().serviceName(),
                config.telemetry().instanceId(),
                TelemetryOptions.from(config));
    }

    /**
     * The same settings with this instance id as the default {@code service.instance.id}, when
     * {@code telemetry.instance_id} does not give one: the id the running collector chose.
     *
     * @param id the collector's instance id, or null
     * @return settings whose instance id is the configured one, or else this one
     */
    public TelemetrySettings withDefaultInstanceId(String id) {
        return instanceId != null || id == null
                ? this
                : new TelemetrySettings(enabled, properties, json, serviceName, id, options);
    }

    /** Header values are credentials: only the keys of header properties are shown. */
    @Override
    public String toString() {
        Map<String, String> shown = new TreeMap<>(properties);
        shown.replaceAll((k, v) -> k.endsWith(".headers") ? "(values hidden)" : v);
        return "TelemetrySettings[enabled=" + enabled + ", json=" + json + ", serviceName=" + serviceName
                + ", instanceId=" + instanceId + ", properties=" + shown + "]";
    }
}
