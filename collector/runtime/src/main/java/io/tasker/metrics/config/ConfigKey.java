package io.tasker.metrics.config;

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
        /** {@code true} or {@code false}. */
        BOOLEAN,
        /** Text as given. */
        STRING,
        /** A whole number. */
        INTEGER,
        /** A duration such as {@code 30s}, {@code 5m} or {@code 7d}. */
        DURATION,
        /** A URL whose password, if any, is masked when shown. */
        URL
    }

    /** A key with this name, kind, default (null for none) and environment variable (null for none). */
    public static ConfigKey of(String name, Kind kind, String defaultValue, String env) {
        return new ConfigKey(name, kind, defaultValue, env, false);
    }

    /** A key whose value is never shown: status output and logs print it masked. */
    public static ConfigKey secret(String name, String env) {
        return new ConfigKey(name, Kind.STRING, null, env, true);
    }

    /** {@code telemetry.metrics_enabled}: record metrics at all. */
    public static final ConfigKey METRICS_ENABLED = of("telemetry.metrics_enabled", Kind.BOOLEAN, "true", "TASKER_METRICS_ENABLED");
    /** {@code telemetry.metrics_format}: default format of {@code export} and {@code export-now}. */
    public static final ConfigKey METRICS_FORMAT = of("telemetry.metrics_format", Kind.STRING, "prometheus", "METRICS_FORMAT");
    /** {@code telemetry.sync_interval}: how often an instance syncs to the store. */
    public static final ConfigKey SYNC_INTERVAL = of("telemetry.sync_interval", Kind.DURATION, "30s", "TASKER_SYNC_INTERVAL");
    /** {@code telemetry.instance_id}: this instance's id in the store. */
    public static final ConfigKey INSTANCE_ID = of("telemetry.instance_id", Kind.STRING, null, "TASKER_INSTANCE_ID");
    /** {@code telemetry.cardinality_limit}: label combinations per metric. */
    public static final ConfigKey CARDINALITY_LIMIT = of("telemetry.cardinality_limit", Kind.INTEGER, "10000", "TASKER_CARDINALITY_LIMIT");
    /**
     * {@code telemetry.max_label_value_length}: label values longer than this many UTF-8 bytes are cut,
     * at a character boundary, and counted (1 to 65535).
     */
    public static final ConfigKey MAX_LABEL_VALUE_LENGTH = of("telemetry.max_label_value_length", Kind.INTEGER, "1024", null);
    /** {@code telemetry.export_directory}: where file exports go. */
    public static final ConfigKey EXPORT_DIRECTORY = of("telemetry.export_directory", Kind.STRING, "./exports", "TASKER_EXPORT_DIR");
    /** {@code telemetry.stale_export_threshold}: an export older than this is stale (console alert). */
    public static final ConfigKey STALE_EXPORT_THRESHOLD = of("telemetry.stale_export_threshold", Kind.DURATION, "15m", null);
    /**
     * {@code telemetry.scheduled_export}: run coordinated exports inside the process at the planned times
     * (on in {@code bin/console --demo}); otherwise a CronJob runs {@code tasker-metrics export}.
     */
    public static final ConfigKey SCHEDULED_EXPORT = of("telemetry.scheduled_export", Kind.BOOLEAN, "false", "TASKER_SCHEDULED_EXPORT");
    /**
     * {@code telemetry.export_retention}: export files ({@code tasker-metrics-*.json}, {@code .csv},
     * {@code .prom}) older than this are deleted from {@code telemetry.export_directory} after each
     * scheduled or CLI export, and hourly by the console; at most 500 a time (operations.md).
     */
    public static final ConfigKey EXPORT_RETENTION = of("telemetry.export_retention", Kind.DURATION, "7d", "TASKER_EXPORT_RETENTION");
    /** {@code telemetry.export_max_files}: beyond this many export files, the oldest are deleted too. */
    public static final ConfigKey EXPORT_MAX_FILES = of("telemetry.export_max_files", Kind.INTEGER, "10000", "TASKER_EXPORT_MAX_FILES");
    /** How often the export CronJob runs: {@code export} skips a window already exported (less a fifth). */
    public static final ConfigKey EXPORT_INTERVAL = of("telemetry.export_interval", Kind.DURATION, "5m", "TASKER_EXPORT_INTERVAL");
    /**
     * {@code telemetry.prometheus.endpoint}: remote write URL; a URL with credentials in it ({@code
     * https://user:pw&#64;host/...}) is refused at load with exit 2: put them in {@code
     * telemetry.prometheus.username} and {@code password}, which are never printed.
     */
    public static final ConfigKey ENDPOINT = of("telemetry.prometheus.endpoint", Kind.URL, null, "PROMETHEUS_ENDPOINT");
    /** {@code telemetry.prometheus.username}: basic auth user. */
    public static final ConfigKey USERNAME = of("telemetry.prometheus.username", Kind.STRING, null, "PROMETHEUS_USERNAME");
    /** {@code telemetry.prometheus.password}: basic auth password; never printed. */
    public static final ConfigKey PASSWORD = secret("telemetry.prometheus.password", "PROMETHEUS_PASSWORD");
    /**
     * {@code telemetry.prometheus.job_timeout}: the export lock's expiry and the budget of a coordinated
     * export with its retries.
     */
    public static final ConfigKey JOB_TIMEOUT = of("telemetry.prometheus.job_timeout", Kind.DURATION, "5m", null);
    /** {@code telemetry.prometheus.export_timeout}: one delivery's timeout. */
    public static final ConfigKey EXPORT_TIMEOUT = of("telemetry.prometheus.export_timeout", Kind.DURATION, "2m", null);
    /**
     * {@code telemetry.prometheus.retry_attempts}: retries of a failed export (and of a remote write
     * request on 5xx/429).
     */
    public static final ConfigKey RETRY_ATTEMPTS = of("telemetry.prometheus.retry_attempts", Kind.INTEGER, "3", null);
    /**
     * {@code telemetry.prometheus.retention_window}: how long synced data lives in the store unless
     * written again.
     */
    public static final ConfigKey RETENTION_WINDOW = of("telemetry.prometheus.retention_window", Kind.DURATION, "5m", null);
    /** {@code telemetry.prometheus.safety_margin}: how long before expiry an export must be done. */
    public static final ConfigKey SAFETY_MARGIN = of("telemetry.prometheus.safety_margin", Kind.DURATION, "1m", null);
    /**
     * {@code telemetry.prometheus.metric_prefix}: put once before every metric name ({@code ""} for
     * none).
     */
    public static final ConfigKey METRIC_PREFIX = of("telemetry.prometheus.metric_prefix", Kind.STRING, "tasker", "TASKER_METRIC_PREFIX");
    /**
     * {@code telemetry.prometheus.include_instance_labels}: keep gauges apart per instance with an {@code
     * instance} label.
     */
    public static final ConfigKey INCLUDE_INSTANCE_LABELS = of("telemetry.prometheus.include_instance_labels", Kind.BOOLEAN, "true", null);
    /**
     * {@code telemetry.prometheus.compression}: remote write body: {@code snappy}, {@code gzip} or {@code
     * none}.
     */
    public static final ConfigKey COMPRESSION = of("telemetry.prometheus.compression", Kind.STRING, "snappy", null);
    /** {@code telemetry.prometheus.batch_size}: series per sync chunk and per remote write request. */
    public static final ConfigKey BATCH_SIZE = of("telemetry.prometheus.batch_size", Kind.INTEGER, "1000", null);
    /**
     * {@code telemetry.prometheus.skip_if_unavailable}: an unreachable remote write endpoint is a
     * recorded skip, not a failure.
     */
    public static final ConfigKey SKIP_IF_UNAVAILABLE = of("telemetry.prometheus.skip_if_unavailable", Kind.BOOLEAN, "true", null);
    /** Refuse to start without an endpoint (the production environment's {@code ENV.fetch}). */
    public static final ConfigKey REQUIRE_ENDPOINT = of("telemetry.prometheus.require_endpoint", Kind.BOOLEAN, "false", null);
    /** {@code cache.url}: the shared store (below). */
    public static final ConfigKey CACHE_URL = of("cache.url", Kind.URL, "memory:", "TASKER_CACHE_URL");
    /** {@code cache.namespace}: prefix of every key in the store. */
    public static final ConfigKey CACHE_NAMESPACE = of("cache.namespace", Kind.STRING, "tasker", "TASKER_CACHE_NAMESPACE");
    /** {@code cache.timeout}: connect and operation timeout of network stores. */
    public static final ConfigKey CACHE_TIMEOUT = of("cache.timeout", Kind.DURATION, "2s", null);

    // The event publisher, the recent runs and the shipped subscribers (docs/events.md). Declared
    // here, not in the subscribers module, so that every program reading the file (the CLI too)
    // knows them and does not refuse a file it shares with a service.
    /**
     * {@code events.queue_capacity}: events a subscriber may fall behind before further ones are dropped
     * (and counted).
     */
    public static final ConfigKey EVENTS_QUEUE_CAPACITY = of("events.queue_capacity", Kind.INTEGER, "8192", null);
    /**
     * {@code events.drain_timeout}: how long shutdown waits, in all, for the subscribers' queues to
     * drain.
     */
    public static final ConfigKey EVENTS_DRAIN_TIMEOUT = of("events.drain_timeout", Kind.DURATION, "5s", null);
    /**
     * {@code runs.keep_successful}: successful task runs each instance keeps for the console's Task runs
     * page.
     */
    public static final ConfigKey RUNS_KEEP_SUCCESSFUL = of("runs.keep_successful", Kind.INTEGER, "50", null);
    /** {@code runs.keep_failed}: failed task runs each instance keeps (longer than successful ones). */
    public static final ConfigKey RUNS_KEEP_FAILED = of("runs.keep_failed", Kind.INTEGER, "200", null);
    /** {@code telemetry.enabled}: send task traces by OTLP (the TelemetrySubscriber; events.md). */
    public static final ConfigKey TELEMETRY_ENABLED = of("telemetry.enabled", Kind.BOOLEAN, "false", "TASKER_TELEMETRY_ENABLED");
    /** {@code telemetry.service_name}: the traces' {@code service.name}. */
    public static final ConfigKey SERVICE_NAME = of("telemetry.service_name", Kind.STRING, "tasker", "OTEL_SERVICE_NAME");
    /**
     * {@code telemetry.otlp.endpoint}: OTLP/HTTP base URL; {@code /v1/traces} is added; {@code
     * OTEL_EXPORTER_OTLP_TRACES_ENDPOINT} (taken as given) beats both.
     */
    public static final ConfigKey OTLP_ENDPOINT = of("telemetry.otlp.endpoint", Kind.URL, "http://127.0.0.1:4318",
            "OTEL_EXPORTER_OTLP_ENDPOINT");
    /**
     * {@code telemetry.otlp.headers}: {@code key=value,key2=value2} (values URL-encoded) sent with every
     * export, e.g. an API key; {@code OTEL_EXPORTER_OTLP_TRACES_HEADERS} adds to them; never printed.
     */
    public static final ConfigKey OTLP_HEADERS = secret("telemetry.otlp.headers", "OTEL_EXPORTER_OTLP_HEADERS");
    /**
     * {@code telemetry.masked_parameters}: event attributes whose key contains one of these words (any
     * case) reach spans as {@code [MASKED]}.
     */
    public static final ConfigKey MASKED_PARAMETERS = of("telemetry.masked_parameters", Kind.STRING,
            "password,passwd,token,secret,api_key,apikey,authorization,credential", null);
    /**
     * {@code telemetry.open_span_timeout}: a task still open after this is ended as {@code
     * tasker.evicted=true}.
     */
    public static final ConfigKey OPEN_SPAN_TIMEOUT = of("telemetry.open_span_timeout", Kind.DURATION, "1h", null);
    /** {@code telemetry.statsd.enabled}: send task metrics to a DogStatsD agent. */
    public static final ConfigKey STATSD_ENABLED = of("telemetry.statsd.enabled", Kind.BOOLEAN, "false", "TASKER_STATSD_ENABLED");
    /** {@code telemetry.statsd.host}: the agent's host. */
    public static final ConfigKey STATSD_HOST = of("telemetry.statsd.host", Kind.STRING, "127.0.0.1", "DD_AGENT_HOST");
    /** {@code telemetry.statsd.port}: the agent's UDP port. */
    public static final ConfigKey STATSD_PORT = of("telemetry.statsd.port", Kind.INTEGER, "8125", "DD_DOGSTATSD_PORT");
    /** {@code telemetry.statsd.env}: constant tag {@code env:} on every metric. */
    public static final ConfigKey STATSD_ENV = of("telemetry.statsd.env", Kind.STRING, null, "DD_ENV");
    /** {@code telemetry.statsd.service}: constant tag {@code service:} on every metric. */
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

    /** A typed value as status output shows it: durations as written, secrets and URL passwords masked. */
    public String show(Object value) {
        if (secret) {
            return value == null ? "(not set)" : "***";
        }
        if (value == null) {
            return "null";
        }
        return switch (kind) {
            case DURATION -> Durations.format((Duration) value);
            case URL -> CacheStores.maskPassword(value.toString());
            default -> value.toString();
        };
    }
}
