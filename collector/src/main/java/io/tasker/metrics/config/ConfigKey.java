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

    /** Every key, in the order docs/configuration.md lists them. */
    public static final List<ConfigKey> ALL = List.of(
            of("telemetry.metrics_enabled", Kind.BOOLEAN, "true", "TASKER_METRICS_ENABLED"),
            of("telemetry.metrics_format", Kind.STRING, "prometheus", "METRICS_FORMAT"),
            of("telemetry.sync_interval", Kind.DURATION, "30s", "TASKER_SYNC_INTERVAL"),
            of("telemetry.instance_id", Kind.STRING, null, "TASKER_INSTANCE_ID"),
            of("telemetry.cardinality_limit", Kind.INTEGER, "10000", "TASKER_CARDINALITY_LIMIT"),
            of("telemetry.max_label_value_length", Kind.INTEGER, "1024", null),
            of("telemetry.export_directory", Kind.STRING, "./exports", "TASKER_EXPORT_DIR"),
            of("telemetry.stale_export_threshold", Kind.DURATION, "15m", null),
            of("telemetry.scheduled_export", Kind.BOOLEAN, "false", "TASKER_SCHEDULED_EXPORT"),
            of("telemetry.export_interval", Kind.DURATION, "5m", "TASKER_EXPORT_INTERVAL"),
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
            of("telemetry.prometheus.require_endpoint", Kind.BOOLEAN, "false", null),
            of("cache.url", Kind.STRING, "memory:", "TASKER_CACHE_URL"),
            of("cache.namespace", Kind.STRING, "tasker", "TASKER_CACHE_NAMESPACE"),
            of("cache.timeout", Kind.DURATION, "2s", null));
}
