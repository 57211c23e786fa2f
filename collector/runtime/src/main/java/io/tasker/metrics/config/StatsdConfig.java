package io.tasker.metrics.config;

/**
 * What the DogStatsD subscriber reads ({@code telemetry.statsd.*}).
 *
 * <pre>{@code
 * boolean statsd = config.statsd().enabled();
 * }</pre>
 *
 * @param enabled {@code telemetry.statsd.enabled}
 * @param host {@code telemetry.statsd.host}
 * @param port {@code telemetry.statsd.port}
 * @param env {@code telemetry.statsd.env}, or null
 * @param service {@code telemetry.statsd.service}, or null
 */
public record StatsdConfig(boolean enabled, String host, int port, String env, String service) {}
