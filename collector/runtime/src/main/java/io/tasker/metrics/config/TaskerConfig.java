package io.tasker.metrics.config;

import io.tasker.metrics.export.ExportRetention;
import io.tasker.metrics.export.remote.Compression;
import io.tasker.metrics.export.remote.RemoteWriteSettings;
import io.tasker.metrics.store.CacheStores;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The whole configuration, typed and validated; built by {@link ConfigLoader}. Its
 * {@code toString()} and {@link #describe()} never show a password.
 *
 * <pre>{@code
 * TaskerConfig config = ConfigLoader.load(Optional.of(Path.of("tasker.yml")), System.getenv());
 * }</pre>
 *
 * @param telemetry the {@code telemetry.*} keys apart from {@code telemetry.prometheus}
 * @param prometheus the {@code telemetry.prometheus.*} keys
 * @param cache the {@code cache.*} keys
 * @param values every key's typed value, the application's own keys included
 * @param environment the entry of the file's {@code environments:} laid over it ({@code TASKER_ENV}
 *     or {@code --env}), or null
 * @param otel the standard {@code OTEL_*} environment variables it was loaded with, which the
 *     OpenTelemetry parts read as any OpenTelemetry application would (above our {@code telemetry.*} keys)
 */
public record TaskerConfig(
        Telemetry telemetry,
        PrometheusSettings prometheus,
        CacheSettings cache,
        Map<ConfigKey, Object> values,
        String environment,
        Map<String, String> otel) {
    /**
     * Copies the values and the {@code OTEL_*} variables, so that the configuration stays immutable.
     *
     * @param telemetry {@code telemetry.*} apart from its subsections
     * @param prometheus {@code telemetry.prometheus.*}
     * @param cache {@code cache.*}
     * @param values every key's typed value
     * @param environment the {@code environments:} entry laid over the file, or null
     * @param otel the standard {@code OTEL_*} variables, or null for none
     */
    public TaskerConfig {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        otel = otel == null ? Map.of() : Map.copyOf(otel);
    }

    /**
     * A configuration without {@code OTEL_*} variables.
     *
     * @param telemetry {@code telemetry.*}
     * @param prometheus {@code telemetry.prometheus.*}
     * @param cache {@code cache.*}
     * @param values every key's typed value
     * @param environment the {@code environments:} entry, or null
     */
    public TaskerConfig(
            Telemetry telemetry,
            PrometheusSettings prometheus,
            CacheSettings cache,
            Map<ConfigKey, Object> values,
            String environment) {
        this(telemetry, prometheus, cache, values, environment, Map.of());
    }

    /**
     * {@code telemetry.*} apart from {@code telemetry.prometheus}.
     *
     * @param metricsEnabled {@code telemetry.metrics_enabled}
     * @param metricsFormat {@code telemetry.metrics_format}
     * @param syncInterval {@code telemetry.sync_interval}
     * @param instanceId {@code telemetry.instance_id}, or null for the default
     * @param cardinalityLimit {@code telemetry.cardinality_limit}
     * @param maxLabelValueLength {@code telemetry.max_label_value_length}
     * @param exportDirectory {@code telemetry.export_directory}
     * @param staleExportThreshold {@code telemetry.stale_export_threshold}
     * @param scheduledExport {@code telemetry.scheduled_export}
     */
    public record Telemetry(
            boolean metricsEnabled,
            String metricsFormat,
            Duration syncInterval,
            String instanceId,
            int cardinalityLimit,
            int maxLabelValueLength,
            Path exportDirectory,
            Duration staleExportThreshold,
            boolean scheduledExport) {}

    /**
     * {@code telemetry.prometheus.*}: export timing and the remote write endpoint.
     *
     * @param endpoint {@code endpoint}, the remote write URL, or null
     * @param username {@code username}, or null
     * @param password {@code password}, or null; never shown
     * @param jobTimeout {@code job_timeout}
     * @param exportTimeout {@code export_timeout}
     * @param retryAttempts {@code retry_attempts}
     * @param retentionWindow {@code retention_window}
     * @param safetyMargin {@code safety_margin}
     * @param metricPrefix {@code metric_prefix}
     * @param includeInstanceLabels {@code include_instance_labels}
     * @param compression {@code compression}
     * @param batchSize {@code batch_size}
     * @param skipIfUnavailable {@code skip_if_unavailable}
     */
    public record PrometheusSettings(
            String endpoint,
            String username,
            String password,
            Duration jobTimeout,
            Duration exportTimeout,
            int retryAttempts,
            Duration retentionWindow,
            Duration safetyMargin,
            String metricPrefix,
            boolean includeInstanceLabels,
            String compression,
            int batchSize,
            boolean skipIfUnavailable) {
        @Override
        public String toString() {
            return "PrometheusSettings[endpoint=" + endpoint + ", username=" + username + ", password="
                    + (password == null ? "null" : "***") + ", ...]";
        }

        /**
         * The remote write part of a loaded configuration; its endpoint must be set.
         *
         * @return the remote write settings
         * @throws IllegalArgumentException when the endpoint is not set or not a valid URL, or a
         *     setting is out of range
         */
        public RemoteWriteSettings remoteWrite() {
            PrometheusSettings p = this;
            if (p.endpoint() == null || p.endpoint().isBlank()) {
                throw new IllegalArgumentException(
                        "telemetry.prometheus.endpoint is not set, and remote write needs it");
            }
            URI endpoint;
            try {
                endpoint = new URI(p.endpoint().strip());
            } catch (URISyntaxException e) {
                // The reason, not the input: a malformed URL may still carry a password.
                throw new IllegalArgumentException(
                        "telemetry.prometheus.endpoint is not a valid URL: " + e.getReason(), e);
            }
            return new RemoteWriteSettings(
                    endpoint,
                    p.username(),
                    p.password(),
                    p.exportTimeout(),
                    p.retryAttempts(),
                    Compression.parse(p.compression()),
                    p.batchSize(),
                    p.skipIfUnavailable());
        }
    }

    /**
     * {@code cache.*}: the shared store.
     *
     * @param url {@code cache.url}
     * @param namespace {@code cache.namespace}
     * @param timeout {@code cache.timeout}
     */
    public record CacheSettings(String url, String namespace, Duration timeout) {
        @Override
        public String toString() {
            return "CacheSettings[url=" + CacheStores.maskPassword(url) + ", namespace=" + namespace + ", timeout="
                    + timeout + "]";
        }
    }

    /**
     * How long export files are kept, and how many: {@code telemetry.export_retention} and {@code telemetry.export_max_files}.
     *
     * @return the export retention
     */
    public ExportRetention exportRetention() {
        return new ExportRetention(value(ConfigKey.EXPORT_RETENTION), value(ConfigKey.EXPORT_MAX_FILES));
    }

    /** Every key as {@link #describe()} shows it, so that a password never reaches a log line. */
    @Override
    public String toString() {
        return "TaskerConfig" + describe();
    }

    /**
     * A key's typed value: Boolean, String, Integer or Duration, as its kind says; null when unset.
     *
     * @param <T> the value's type, as the key's kind says
     * @param key the key
     * @return the value, or null
     */
    @SuppressWarnings({"unchecked", "TypeParameterUnusedInFormals"})
    public <T> T value(ConfigKey key) {
        return (T) values.get(key);
    }

    /**
     * The typed value of a key by its name, for an application's own keys; null when unknown or unset.
     *
     * @param name the key's dotted name
     * @return the value, or null
     */
    public Object value(String name) {
        return values.entrySet().stream()
                .filter(e -> e.getKey().name().equals(name))
                .findFirst()
                .map(Map.Entry::getValue)
                .orElse(null);
    }

    /**
     * Every key with its value as status output shows it: durations as written, secrets masked.
     *
     * @return the shown values by key name, in key order
     */
    public Map<String, String> describe() {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((key, value) -> out.put(key.name(), key.show(value)));
        return out;
    }
}
