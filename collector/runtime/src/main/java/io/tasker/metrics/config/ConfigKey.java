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
 * ConfigKey port = ConfigKey.of("console.port", Kind.INTEGER, "7070", "TASKER_CONSOLE_PORT");
 * }</pre>
 *
 * @param name the dotted name, such as {@code telemetry.sync_interval}
 * @param kind how its value is read and shown
 * @param defaultValue the default as text, or null for none
 * @param env the environment variable that overrides it, or null
 * @param secret whether its value is never shown
 */
public record ConfigKey(String name, Kind kind, String defaultValue, String env, boolean secret) {
    /** How a value is read from text and shown back. */
    public enum Kind {
        /** {@code true} or {@code false}, read as a Boolean. */
        BOOLEAN,
        /** Text, read as a String. */
        STRING,
        /** A whole number, read as an Integer. */
        INTEGER,
        /** A duration such as {@code 30s}, read as a Duration (see {@link Durations}). */
        DURATION,
        /** A URL whose password, if any, is masked when shown. */
        URL
    }

    /**
     * A key whose value may be shown.
     *
     * @param name the dotted name
     * @param kind how its value is read and shown
     * @param defaultValue the default as text, or null for none
     * @param env the environment variable that overrides it, or null
     * @return the key
     */
    public static ConfigKey of(String name, Kind kind, String defaultValue, String env) {
        return new ConfigKey(name, kind, defaultValue, env, false);
    }

    /**
     * A text key without default whose value is never shown, such as a password.
     *
     * @param name the dotted name
     * @param env the environment variable that overrides it, or null
     * @return the key
     */
    public static ConfigKey secret(String name, String env) {
        return new ConfigKey(name, Kind.STRING, null, env, true);
    }

    /** Whether to record metrics at all. */
    public static final ConfigKey METRICS_ENABLED =
            of("telemetry.metrics_enabled", Kind.BOOLEAN, "true", "TASKER_METRICS_ENABLED");
    /** The default format of {@code export} and {@code export-now}: prometheus, openmetrics, json or csv. */
    public static final ConfigKey METRICS_FORMAT =
            of("telemetry.metrics_format", Kind.STRING, "prometheus", "METRICS_FORMAT");
    /** How often an instance syncs to the store. */
    public static final ConfigKey SYNC_INTERVAL =
            of("telemetry.sync_interval", Kind.DURATION, "30s", "TASKER_SYNC_INTERVAL");
    /** This instance's id in the store; unset means host name and process id. */
    public static final ConfigKey INSTANCE_ID = of("telemetry.instance_id", Kind.STRING, null, "TASKER_INSTANCE_ID");
    /** Same-reason sync failures in a row before the instance reports failing and starts over. */
    public static final ConfigKey SYNC_FAILURE_THRESHOLD =
            of("telemetry.sync_failure_threshold", Kind.INTEGER, "3", "TASKER_SYNC_FAILURE_THRESHOLD");
    /** Label combinations per metric before new ones are folded into the overflow series. */
    public static final ConfigKey CARDINALITY_LIMIT =
            of("telemetry.cardinality_limit", Kind.INTEGER, "10000", "TASKER_CARDINALITY_LIMIT");
    /** Label values longer than this many UTF-8 bytes are cut and counted. */
    public static final ConfigKey MAX_LABEL_VALUE_LENGTH =
            of("telemetry.max_label_value_length", Kind.INTEGER, "1024", null);
    /** Where file exports go. */
    public static final ConfigKey EXPORT_DIRECTORY =
            of("telemetry.export_directory", Kind.STRING, "./exports", "TASKER_EXPORT_DIR");
    /** An export older than this is stale (a console alert). */
    public static final ConfigKey STALE_EXPORT_THRESHOLD =
            of("telemetry.stale_export_threshold", Kind.DURATION, "15m", null);
    /** Whether to run coordinated exports inside the process at the planned times. */
    public static final ConfigKey SCHEDULED_EXPORT =
            of("telemetry.scheduled_export", Kind.BOOLEAN, "false", "TASKER_SCHEDULED_EXPORT");
    /** Export files older than this are deleted from the export directory. */
    public static final ConfigKey EXPORT_RETENTION =
            of("telemetry.export_retention", Kind.DURATION, "7d", "TASKER_EXPORT_RETENTION");
    /** Beyond this many export files, the oldest are deleted. */
    public static final ConfigKey EXPORT_MAX_FILES =
            of("telemetry.export_max_files", Kind.INTEGER, "10000", "TASKER_EXPORT_MAX_FILES");
    /** How often the export CronJob runs: {@code export} skips a window already exported (less a fifth). */
    public static final ConfigKey EXPORT_INTERVAL =
            of("telemetry.export_interval", Kind.DURATION, "5m", "TASKER_EXPORT_INTERVAL");
    /** The remote write URL; unset, exports go to files. */
    public static final ConfigKey ENDPOINT = of("telemetry.prometheus.endpoint", Kind.URL, null, "PROMETHEUS_ENDPOINT");
    /** The remote write basic auth user. */
    public static final ConfigKey USERNAME =
            of("telemetry.prometheus.username", Kind.STRING, null, "PROMETHEUS_USERNAME");
    /** The remote write basic auth password; a secret, never shown. */
    public static final ConfigKey PASSWORD = secret("telemetry.prometheus.password", "PROMETHEUS_PASSWORD");
    /** The export lock's expiry and the budget of a coordinated export with its retries. */
    public static final ConfigKey JOB_TIMEOUT = of("telemetry.prometheus.job_timeout", Kind.DURATION, "5m", null);
    /** One delivery's timeout. */
    public static final ConfigKey EXPORT_TIMEOUT = of("telemetry.prometheus.export_timeout", Kind.DURATION, "2m", null);
    /** Retries of a failed export, and of a remote write request on a 5xx or 429. */
    public static final ConfigKey RETRY_ATTEMPTS = of("telemetry.prometheus.retry_attempts", Kind.INTEGER, "3", null);
    /** How long synced data lives in the store unless written again. */
    public static final ConfigKey RETENTION_WINDOW =
            of("telemetry.prometheus.retention_window", Kind.DURATION, "5m", null);
    /** How long before the data expires an export must be done. */
    public static final ConfigKey SAFETY_MARGIN = of("telemetry.prometheus.safety_margin", Kind.DURATION, "1m", null);
    /** Put once before every metric name; empty for none. */
    public static final ConfigKey METRIC_PREFIX =
            of("telemetry.prometheus.metric_prefix", Kind.STRING, "tasker", "TASKER_METRIC_PREFIX");
    /** Whether gauges are kept apart per instance with an {@code instance} label. */
    public static final ConfigKey INCLUDE_INSTANCE_LABELS =
            of("telemetry.prometheus.include_instance_labels", Kind.BOOLEAN, "true", null);
    /** The remote write body compression: snappy, gzip or none. */
    public static final ConfigKey COMPRESSION = of("telemetry.prometheus.compression", Kind.STRING, "snappy", null);
    /** Series per sync chunk and per remote write request. */
    public static final ConfigKey BATCH_SIZE = of("telemetry.prometheus.batch_size", Kind.INTEGER, "1000", null);
    /** Whether an unreachable remote write endpoint is a recorded skip rather than a failure. */
    public static final ConfigKey SKIP_IF_UNAVAILABLE =
            of("telemetry.prometheus.skip_if_unavailable", Kind.BOOLEAN, "true", null);
    /** Refuse to start without an endpoint (the production environment's {@code ENV.fetch}). */
    public static final ConfigKey REQUIRE_ENDPOINT =
            of("telemetry.prometheus.require_endpoint", Kind.BOOLEAN, "false", null);
    /** The URL of the shared store (see {@link CacheStores}). */
    public static final ConfigKey CACHE_URL = of("cache.url", Kind.URL, "memory:", "TASKER_CACHE_URL");
    /** The prefix of every key in the store. */
    public static final ConfigKey CACHE_NAMESPACE =
            of("cache.namespace", Kind.STRING, "tasker", "TASKER_CACHE_NAMESPACE");
    /** The connect and operation timeout of network stores. */
    public static final ConfigKey CACHE_TIMEOUT = of("cache.timeout", Kind.DURATION, "2s", null);

    // The event publisher, the recent runs and the shipped subscribers (docs/events.md). Declared
    // here, not in the subscribers module, so that every program reading the file (the CLI too)
    // knows them and does not refuse a file it shares with a service.
    /** Events a subscriber may fall behind before further ones are dropped and counted. */
    public static final ConfigKey EVENTS_QUEUE_CAPACITY = of("events.queue_capacity", Kind.INTEGER, "8192", null);
    /** How long shutdown waits, in all, for the subscribers' queues to drain. */
    public static final ConfigKey EVENTS_DRAIN_TIMEOUT = of("events.drain_timeout", Kind.DURATION, "5s", null);
    /** Successful task runs each instance keeps for the console. */
    public static final ConfigKey RUNS_KEEP_SUCCESSFUL = of("runs.keep_successful", Kind.INTEGER, "50", null);
    /** Failed task runs each instance keeps at most; age and bytes bound them first. */
    public static final ConfigKey RUNS_KEEP_FAILED = of("runs.keep_failed", Kind.INTEGER, "10000", null);
    /** How long each instance keeps a failed task run, within its byte bound. */
    public static final ConfigKey RUNS_KEEP_FAILED_FOR = of("runs.keep_failed_for", Kind.DURATION, "24h", null);
    /** Whether to send task traces by OTLP. */
    public static final ConfigKey TELEMETRY_ENABLED =
            of("telemetry.enabled", Kind.BOOLEAN, "false", "TASKER_TELEMETRY_ENABLED");
    // The OpenTelemetry keys are defaults beneath the standard OTEL_* variables, which the SDK's
    // autoconfigure reads itself (subscribers): so they name no variable of their own here.
    /** The traces' {@code service.name}, beneath {@code OTEL_SERVICE_NAME}. */
    public static final ConfigKey SERVICE_NAME = of("telemetry.service_name", Kind.STRING, "tasker", null);
    /** The OTLP/HTTP base URL, beneath {@code OTEL_EXPORTER_OTLP_ENDPOINT}. */
    public static final ConfigKey OTLP_ENDPOINT =
            of("telemetry.otlp.endpoint", Kind.URL, "http://127.0.0.1:4318", null);
    /** Headers sent with every OTLP export ({@code key=value,...}), beneath {@code OTEL_EXPORTER_OTLP_HEADERS}; a secret, never shown. */
    public static final ConfigKey OTLP_HEADERS = secret("telemetry.otlp.headers", null);
    /** Attribute keys whose values reach spans masked: a key containing one of these words, across case and separators. */
    public static final ConfigKey MASKED_PARAMETERS = of(
            "telemetry.masked_parameters",
            Kind.STRING,
            "password,passwd,pwd,passphrase,secret,token,api_key,access_key,private_key,client_secret,auth,credential,"
                    + "cookie,session_id,jwt,dsn,connection_string,signature",
            null);
    /** An extra regular expression whose matches in any span text are masked, beside the built-in patterns. */
    public static final ConfigKey MASKED_VALUE_PATTERN = of("telemetry.masked_value_pattern", Kind.STRING, null, null);
    /** A task still open after this is ended as evicted. */
    public static final ConfigKey OPEN_SPAN_TIMEOUT = of("telemetry.open_span_timeout", Kind.DURATION, "1h", null);
    /** Whether to send task metrics to a DogStatsD agent. */
    public static final ConfigKey STATSD_ENABLED =
            of("telemetry.statsd.enabled", Kind.BOOLEAN, "false", "TASKER_STATSD_ENABLED");
    /** The DogStatsD agent's host. */
    public static final ConfigKey STATSD_HOST = of("telemetry.statsd.host", Kind.STRING, "127.0.0.1", "DD_AGENT_HOST");
    /** The DogStatsD agent's UDP port. */
    public static final ConfigKey STATSD_PORT = of("telemetry.statsd.port", Kind.INTEGER, "8125", "DD_DOGSTATSD_PORT");
    /** The constant {@code env:} tag on every StatsD metric; unset for none. */
    public static final ConfigKey STATSD_ENV = of("telemetry.statsd.env", Kind.STRING, null, "DD_ENV");
    /** The constant {@code service:} tag on every StatsD metric; unset for none. */
    public static final ConfigKey STATSD_SERVICE = of("telemetry.statsd.service", Kind.STRING, null, "DD_SERVICE");

    /** Every key of the collector, in the order docs/configuration.md lists them. */
    public static final List<ConfigKey> ALL = List.of(
            METRICS_ENABLED,
            METRICS_FORMAT,
            SYNC_INTERVAL,
            INSTANCE_ID,
            SYNC_FAILURE_THRESHOLD,
            CARDINALITY_LIMIT,
            MAX_LABEL_VALUE_LENGTH,
            EXPORT_DIRECTORY,
            STALE_EXPORT_THRESHOLD,
            SCHEDULED_EXPORT,
            EXPORT_RETENTION,
            EXPORT_MAX_FILES,
            EXPORT_INTERVAL,
            ENDPOINT,
            USERNAME,
            PASSWORD,
            JOB_TIMEOUT,
            EXPORT_TIMEOUT,
            RETRY_ATTEMPTS,
            RETENTION_WINDOW,
            SAFETY_MARGIN,
            METRIC_PREFIX,
            INCLUDE_INSTANCE_LABELS,
            COMPRESSION,
            BATCH_SIZE,
            SKIP_IF_UNAVAILABLE,
            REQUIRE_ENDPOINT,
            CACHE_URL,
            CACHE_NAMESPACE,
            CACHE_TIMEOUT,
            EVENTS_QUEUE_CAPACITY,
            EVENTS_DRAIN_TIMEOUT,
            RUNS_KEEP_SUCCESSFUL,
            RUNS_KEEP_FAILED,
            RUNS_KEEP_FAILED_FOR,
            TELEMETRY_ENABLED,
            SERVICE_NAME,
            OTLP_ENDPOINT,
            OTLP_HEADERS,
            MASKED_PARAMETERS,
            MASKED_VALUE_PATTERN,
            OPEN_SPAN_TIMEOUT,
            STATSD_ENABLED,
            STATSD_HOST,
            STATSD_PORT,
            STATSD_ENV,
            STATSD_SERVICE);

    /**
     * A typed value as status output shows it: durations as written, secrets, URL passwords and
     * secrets in URL query strings ({@code ?api_key=...}) masked.
     *
     * @param value the typed value, or null when unset
     * @return its text for display
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
