package io.tasker.metrics.subscribers.statsd;

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
 *
 * @param enabled whether to send task metrics to the agent
 * @param host the agent's host
 * @param port the agent's UDP port
 * @param env the constant {@code env} tag, or null or blank for none
 * @param service the constant {@code service} tag, or null or blank for none
 */
public record StatsdSettings(boolean enabled, String host, int port, String env, String service) {
    /**
     * Checks the host and port.
     *
     * @param enabled whether to send task metrics to the agent
     * @param host the agent's host; not blank
     * @param port the agent's UDP port, from 1 to 65535
     * @param env the constant {@code env} tag, or null or blank for none
     * @param service the constant {@code service} tag, or null or blank for none
     * @throws IllegalArgumentException for a blank host or a port out of range
     */
    public StatsdSettings {
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("telemetry.statsd.port must be between 1 and 65535, not " + port);
        }
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("telemetry.statsd.host must name the DogStatsD agent's host");
        }
    }

    /**
     * The {@code telemetry.statsd.*} keys of a configuration.
     *
     * @param config the configuration
     * @return the settings
     * @throws IllegalArgumentException for a blank host or a port out of range
     */
    public static StatsdSettings from(TaskerConfig config) {
        return new StatsdSettings(
                config.statsd().enabled(),
                config.statsd().host(),
                config.statsd().port(),
                config.statsd().env(),
                config.statsd().service());
    }

    /**
     * {@code env:<env>} and {@code service:<service>}, for those set.
     *
     * @return the tags, none to two
     */
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
