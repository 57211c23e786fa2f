package io.tasker.metrics.config;

import io.tasker.metrics.export.internal.QueryMask;
import io.tasker.metrics.store.CacheStores;
import java.time.Duration;
import java.util.List;

/**
 * One known configuration key: its dotted name, kind, default and the environment variable
 * that overrides it (or null). Each key is declared once, here (or, for an application's own
 * section, beside that application's settings); loading, typing and showing all go by it.
 *
 * <pre>{@code
 * Duration interval = config.value(ConfigKey.SYNC_INTERVAL);
 * }</pre>
 */
public record ConfigKey(String name, Kind kind, String defaultValue, String env, boolean secret) {
    /** How a value is read from text and shown back. */
    public enum Kind {
        BOOLEAN, STRING, INTEGER, DURATION,
        /** A URL whose password, if any, is masked when shown. */
        URL
    }

    public static ConfigKey of(String name, Kind kind, String defaultValue, String env) {
        return new ConfigKey(name, kind, defaultValue, env, false);
    }

    public static ConfigKey secret(String name, String env) {
        return new ConfigKey(name, Kind.STRING, null, env, true);
    }

    public static final ConfigKey METRICS_ENABLED = of("telemetry.metrics_enabled", Kind.BOOLEAN, "true", "TASKER_METRICS_ENABLED");
    public static final ConfigKey METRICS_FORMAT = of("telemetry.metrics_format", Kind.STRING, "prometheus", "METRICS_FORMAT");
    public static final ConfigKey SYNC_INTERVAL = of("telemetry.sync_interval", Kind.DURATION, "30s", "TASKER_SYNC_INTERVAL");
    public static final ConfigKey INSTANCE_ID = of("telemetry.instance_id", Kind.STRING, null, "TASKER_INSTANCE_ID");
    public static final ConfigKey CARDINALITY_LIMIT = of("telemetry.cardinality_limit", Kind.INTEGER, "10000", "TASKER_CARDINALITY_LIMIT");
    public static final ConfigKey MAX_LABEL_VALUE_LENGTH = of("telemetry.max_label_value_length", Kind.INTEGER, "1024", null);
    public static final ConfigKey EXPORT_DIRECTORY = of("telemetry.export_directory", Kind.STRING, "./exports", "TASKER_EXPORT_DIR");
    public static final ConfigKey STALE_EXPORT_THRESHOLD = of("telemetry.stale_export_threshold", Kind.DURATION, "15m", null);
    public static final ConfigKey SCHEDULED_EXPORT = of("telemetry.scheduled_export", Kind.BOOLEAN, "false", "TASKER_SCHEDULED_EXPORT");
    public static final ConfigKey EXPORT_RETENTION = of("telemetry.export_retention", Kind.DURATION, "7d", "TASKER_EXPORT_RETENTION");
    public static final ConfigKey EXPORT_MAX_FILES = of("telemetry.export_max_files", Kind.INTEGER, "10000", "TASKER_EXPORT_MAX_FILES");
    /** How often the export CronJob runs: {@code export} skips a window already exported (less a fifth). */
    public static final ConfigKey EXPORT_INTERVAL = of("telemetry.export_interval", Kind.DURATION, "5m", "TASKER_EXPORT_INTERVAL");
    public static final ConfigKey ENDPOINT = of("telemetry.prometheus.endpoint", Kind.URL, null, "PROMETHEUS_ENDPOINT");
    public static final ConfigKey USERNAME = of("telemetry.prometheus.username", Kind.STRING, null, "PROMETHEUS_USERNAME");
    public static final ConfigKey PASSWORD = secret("telemetry.prometheus.password", "PROMETHEUS_PASSWORD");
    public static final ConfigKey JOB_TIMEOUT = of("telemetry.prometheus.job_timeout", Kind.DURATION, "5m", null);
    public static final ConfigKey EXPORT_TIMEOUT = of("telemetry.prometheus.export_timeout", Kind.DURATION, "2m", null);
    public static final ConfigKey RETRY_ATTEMPTS = of("telemetry.prometheus.retry_attempts", Kind.INTEGER, "3", null);
    public static final ConfigKey RETENTION_WINDOW = of("telemetry.prometheus.retention_window", Kind.DURATION, "5m", null);
    public static final ConfigKey SAFETY_MARGIN = of("telemetry.prometheus.safety_margin", Kind.DURATION, "1m", null);
    public static final ConfigKey METRIC_PREFIX = of("telemetry.prometheus.metric_prefix", Kind.STRING, "tasker", "TASKER_METRIC_PREFIX");
    public static final ConfigKey INCLUDE_INSTANCE_LABELS = of("telemetry.prometheus.include_instance_labels", Kind.BOOLEAN, "true", null);
    public static final ConfigKey COMPRESSION = of("telemetry.prometheus.compression", Kind.STRING, "snappy", null);
    public static final ConfigKey BATCH_SIZE = of("telemetry.prometheus.batch_size", Kind.INTEGER, "1000", null);
    public static final ConfigKey SKIP_IF_UNAVAILABLE = of("telemetry.prometheus.skip_if_unavailable", Kind.BOOLEAN, "true", null);
    /** Refuse to start without an endpoint (the production environment's {@code ENV.fetch}). */
    public static final ConfigKey REQUIRE_ENDPOINT = of("telemetry.prometheus.require_endpoint", Kind.BOOLEAN, "false", null);
    public static final ConfigKey CACHE_URL = of("cache.url", Kind.URL, "memory:", "TASKER_CACHE_URL");
    public static final ConfigKey CACHE_NAMESPACE = of("cache.namespace", Kind.STRING, "tasker", "TASKER_CACHE_NAMESPACE");
    public static final ConfigKey CACHE_TIMEOUT = of("cache.timeout", Kind.DURATION, "2s", null);

    // The event publisher, the recent runs and the shipped subscribers (docs/events.md). Declared
    // here, not in the subscribers module, so that every program reading the file (the CLI too)
    // knows them and does not refuse a file it shares with a service.
    public static final ConfigKey EVENTS_QUEUE_CAPACITY = of("events.queue_capacity", Kind.INTEGER, "8192", null);
    public static final ConfigKey EVENTS_DRAIN_TIMEOUT = of("events.drain_timeout", Kind.DURATION, "5s", null);
    public static final ConfigKey RUNS_KEEP_SUCCESSFUL = of("runs.keep_successful", Kind.INTEGER, "50", null);
    public static final ConfigKey RUNS_KEEP_FAILED = of("runs.keep_failed", Kind.INTEGER, "200", null);
    public static final ConfigKey TELEMETRY_ENABLED = of("telemetry.enabled", Kind.BOOLEAN, "false", "TASKER_TELEMETRY_ENABLED");
    public static final ConfigKey SERVICE_NAME = of("telemetry.service_name", Kind.STRING, "tasker", "OTEL_SERVICE_NAME");
    public static final ConfigKey OTLP_ENDPOINT = of("telemetry.otlp.endpoint", Kind.URL, "http://127.0.0.1:4318",
            "OTEL_EXPORTER_OTLP_ENDPOINT");
    public static final ConfigKey OTLP_HEADERS = secret("telemetry.otlp.headers", "OTEL_EXPORTER_OTLP_HEADERS");
    public static final ConfigKey MASKED_PARAMETERS = of("telemetry.masked_parameters", Kind.STRING, QueryMask.WORDS,
            null);
    public static final ConfigKey OPEN_SPAN_TIMEOUT = of("telemetry.open_span_timeout", Kind.DURATION, "1h", null);
    public static final ConfigKey STATSD_ENABLED = of("telemetry.statsd.enabled", Kind.BOOLEAN, "false", "TASKER_STATSD_ENABLED");
    public static final ConfigKey STATSD_HOST = of("telemetry.statsd.host", Kind.STRING, "127.0.0.1", "DD_AGENT_HOST");
    public static final ConfigKey STATSD_PORT = of("telemetry.statsd.port", Kind.INTEGER, "8125", "DD_DOGSTATSD_PORT");
    public static final ConfigKey STATSD_ENV = of("telemetry.statsd.env", Kind.STRING, null, "DD_ENV");
    public static final ConfigKey STATSD_SERVICE = of("telemetry.statsd.service", Kind.STRING, null, "DD_SERVICE");

    /** Every key of the collector, in the order docs/configuration.md lists them. */
    public static final List<ConfigKey> ALL = List.of(METRICS_ENABLED, METRICS_FORMAT, SYNC_INTERVAL, INSTANCE_ID,
            CARDINALITY_LIMIT, MAX_LABEL_VALUE_LENGTH, EXPORT_DIRECTORY, STALE_EXPORT_THRESHOLD, SCHEDULED_EXPORT,
            EXPORT_RETENTION, EXPORT_MAX_FILES, EXPORT_INTERVAL, ENDPOINT, USERNAME, PASSWORD, JOB_TIMEOUT, EXPORT_TIMEOUT,
            RETRY_ATTEMPTS, RETENTION_WINDOW, SAFETY_MARGIN, METRIC_PREFIX, INCLUDE_INSTANCE_LABELS, COMPRESSION,
            BATCH_SIZE, SKIP_IF_UNAVAILABLE, REQUIRE_ENDPOINT, CACHE_URL, CACHE_NAMESPACE, CACHE_TIMEOUT,
            EVENTS_QUEUE_CAPACITY, EVENTS_DRAIN_TIMEOUT, RUNS_KEEP_SUCCESSFUL, RUNS_KEEP_FAILED, TELEMETRY_ENABLED,
            SERVICE_NAME, OTLP_ENDPOINT, OTLP_HEADERS, MASKED_PARAMETERS, OPEN_SPAN_TIMEOUT, STATSD_ENABLED, STATSD_HOST,
            STATSD_PORT, STATSD_ENV, STATSD_SERVICE);

    /** The top-level section the key belongs to ({@code telemetry}, {@code cache}, {@code console}). */
    public String section() {
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    /**
     * A typed value as status output shows it: durations as written, secrets, URL passwords and
     * secrets in URL query strings ({@code ?api_key=...}) masked.
     */
    public String show(Object value) {
        if (secret) {
            return value == null ? "(not set)" : "***";
        }
        if (value == null) {
            return "null";
        }
        return switch (kind) {
            case DURATION -> Durations.format((Duration) value);
            case URL -> QueryMask.apply(CacheStores.maskPassword(value.toString()));
            default -> value.toString();
        };
    }
}
