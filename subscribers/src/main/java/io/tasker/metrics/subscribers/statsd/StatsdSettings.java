package io.tasker.metrics.subscribers.statsd;

import io.tasker.metrics.config.ConfigKey;
import io.tasker.metrics.config.TaskerConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code telemetry.statsd.*}: whether to send, the agent's host and UDP port, and the constant
 * {@code env} and {@code service} tags (from {@code DD_AGENT_HOST}, {@code DD_DOGSTATSD_PORT},
 * {@code DD_ENV}, {@code DD_SERVICE} as DataDog users expect).
 *
 * <pre>{@code
 * StatsdSettings settings = StatsdSettings.from(config);
 * }</pre>
 */
public record StatsdSettings(boolean enabled, String host, int port, String env, String service) {
    /** Checks the port (1 to 65535) and that a host is named. */
    public StatsdSettings {
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("telemetry.statsd.port must be between 1 and 65535, not " + port);
        }
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("telemetry.statsd.host must name the DogStatsD agent's host");
        }
    }

    /** The {@code telemetry.statsd.*} keys of a loaded configuration. */
    public static StatsdSettings from(TaskerConfig config) {
        return new StatsdSettings(config.value(ConfigKey.STATSD_ENABLED), config.value(ConfigKey.STATSD_HOST),
                config.value(ConfigKey.STATSD_PORT), config.value(ConfigKey.STATSD_ENV), config.value(ConfigKey.STATSD_SERVICE));
    }

    /** {@code env:<env>} and {@code service:<service>}, for those set. */
    public List<String> constantTags() {
        List<String> tags = new ArrayList<>(2);
        if (env != null && !env.isBlank()) {
            tags.add(StatsdSubscriber.tag("env", env));
        }
        if (service != null && !service.isBlank()) {
            tags.add(StatsdSubscriber.tag("service", service));
        }
        return tags;
    }
}
