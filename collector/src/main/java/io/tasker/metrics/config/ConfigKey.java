package io.tasker.metrics.config;

import java.util.List;

/**
 * One known configuration key: its dotted name, kind, default and the environment variable
 * that overrides it (or null).
 */
public record ConfigKey(String name, Kind kind, String defaultValue, String env, boolean secret) {
    public enum Kind { BOOLEAN, STRING, INTEGER, DURATION }

    public static ConfigKey of(String name, Kind kind, String defaultValue, String env) {
        return new ConfigKey(name, kind, defaultValue, env, false);
    }

    public static ConfigKey secret(String name, String env) {
        return new ConfigKey(name, Kind.STRING, null, env, true);
    }

    /**
     * The event publisher's and the shipped subscribers' keys (docs/events.md). They are known to
     * every program that reads the file, so the CLI does not refuse a file it shares with a service;
     * their typed values land in {@link TaskerConfig#extras()}, read by the subscribers module.
     */
    public static final List<ConfigKey> EVENTS = List.of(
            of("events.queue_capacity", Kind.INTEGER, "8192", null),
            of("events.drain_timeout", Kind.DURATION, "5s", null),
            of("runs.keep_successful", Kind.INTEGER, "50", null),
            of("runs.keep_failed", Kind.INTEGER, "200", null),
            of("telemetry.enabled", Kind.BOOLEAN, "false", "TASKER_TELEMETRY_ENABLED"),
            of("telemetry.service_name", Kind.STRING, "tasker", "OTEL_SERVICE_NAME"),
            of("telemetry.otlp.endpoint", Kind.STRING, "http://127.0.0.1:4318", "OTEL_EXPORTER_OTLP_ENDPOINT"),
            secret("telemetry.otlp.headers", "OTEL_EXPORTER_OTLP_HEADERS"),
            of("telemetry.masked_parameters", Kind.STRING, "password,passwd,token,secret,api_key,apikey,authorization,credential",
                    null),
            of("telemetry.open_span_timeout", Kind.DURATION, "1h", null),
            of("telemetry.statsd.enabled", Kind.BOOLEAN, "false", "TASKER_STATSD_ENABLED"),
            of("telemetry.statsd.host", Kind.STRING, "127.0.0.1", "DD_AGENT_HOST"),
            of("telemetry.statsd.port", Kind.INTEGER, "8125", "DD_DOGSTATSD_PORT"),
            of("telemetry.statsd.env", Kind.STRING, null, "DD_ENV"),
            of("telemetry.statsd.service", Kind.STRING, null, "DD_SERVICE"));

    /** The collector's own keys, in the order docs/configuration.md lists them. */
    private static final List<ConfigKey> CORE = List.of(
            of("telemetry.metrics_enabled", Kind.BOOLEAN, "true", "TASKER_METRICS_ENABLED"),
            of("telemetry.metrics_format", Kind.STRING, "prometheus", "METRICS_FORMAT"),
            of("telemetry.sync_interval", Kind.DURATION, "30s", "TASKER_SYNC_INTERVAL"),
            of("telemetry.instance_id", Kind.STRING, null, "TASKER_INSTANCE_ID"),
            of("telemetry.cardinality_limit", Kind.INTEGER, "10000", "TASKER_CARDINALITY_LIMIT"),
            of("telemetry.max_label_value_length", Kind.INTEGER, "1024", null),
            of("telemetry.export_directory", Kind.STRING, "./exports", "TASKER_EXPORT_DIR"),
            of("telemetry.stale_export_threshold", Kind.DURATION, "15m", null),
            of("telemetry.scheduled_export", Kind.BOOLEAN, "false", "TASKER_SCHEDULED_EXPORT"),
            of("telemetry.prometheus.endpoint", Kind.STRING, null, "PROMETHEUS_ENDPOINT"),
            of("telemetry.prometheus.username", Kind.STRING, null, "PROMETHEUS_USERNAME"),
            secret("telemetry.prometheus.password", "PROMETHEUS_PASSWORD"),
            of("telemetry.prometheus.job_timeout", Kind.DURATION, "5m", null),
            of("telemetry.prometheus.export_timeout", Kind.DURATION, "2m", null),
            of("telemetry.prometheus.retry_attempts", Kind.INTEGER, "3", null),
            of("telemetry.prometheus.retention_window", Kind.DURATION, "5m", null),
            of("telemetry.prometheus.safety_margin", Kind.DURATION, "1m", null),
            of("telemetry.prometheus.metric_prefix", Kind.STRING, "tasker", "TASKER_METRIC_PREFIX"),
            of("telemetry.prometheus.include_instance_labels", Kind.BOOLEAN, "true", null),
            of("telemetry.prometheus.compression", Kind.STRING, "snappy", null),
            of("telemetry.prometheus.batch_size", Kind.INTEGER, "1000", null),
            of("telemetry.prometheus.skip_if_unavailable", Kind.BOOLEAN, "true", null),
            of("cache.url", Kind.STRING, "memory:", "TASKER_CACHE_URL"),
            of("cache.namespace", Kind.STRING, "tasker", "TASKER_CACHE_NAMESPACE"),
            of("cache.timeout", Kind.DURATION, "2s", null));

    /** Every key, in the order docs/configuration.md lists them. */
    public static final List<ConfigKey> ALL = concat(CORE, EVENTS);

    private static List<ConfigKey> concat(List<ConfigKey> a, List<ConfigKey> b) {
        List<ConfigKey> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
