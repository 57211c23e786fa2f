package io.tasker.metrics.config;

import io.tasker.metrics.store.CacheStores;
import java.nio.file.Path;
import java.time.Duration;
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
 * @param environment the entry of the file's {@code environments:} laid over it ({@code TASKER_ENV}
 *     or {@code --env}), or null
 */
public record TaskerConfig(Telemetry telemetry, PrometheusSettings prometheus, CacheSettings cache,
                           Map<String, Object> extras, String environment) {

    /**
     * {@code telemetry.*} apart from {@code telemetry.prometheus}.
     *
     * @param exportInterval how often the export CronJob runs; {@code export} skips when the shared
     *     history holds a successful export younger than this, less a fifth
     */
    public record Telemetry(boolean metricsEnabled, String metricsFormat, Duration syncInterval, String instanceId,
                            int cardinalityLimit, int maxLabelValueLength, Path exportDirectory,
                            Duration staleExportThreshold, boolean scheduledExport, Duration exportInterval) {
    }

    /** {@code telemetry.prometheus.*}: export timing and the remote write endpoint. */
    public record PrometheusSettings(String endpoint, String username, String password, Duration jobTimeout,
                                     Duration exportTimeout, int retryAttempts, Duration retentionWindow,
                                     Duration safetyMargin, String metricPrefix, boolean includeInstanceLabels,
                                     String compression, int batchSize, boolean skipIfUnavailable,
                                     boolean requireEndpoint) {
        @Override
        public String toString() {
            return "PrometheusSettings[endpoint=" + endpoint + ", username=" + username + ", password="
                    + (password == null ? "null" : "***") + ", ...]";
        }
    }

    /** {@code cache.*}: the shared store. */
    public record CacheSettings(String url, String namespace, Duration timeout) {
        @Override
        public String toString() {
            return "CacheSettings[url=" + CacheStores.maskPassword(url) + ", namespace=" + namespace
                    + ", timeout=" + timeout + "]";
        }
    }

    /** Every key with its value as status output shows it: durations as written, secrets masked. */
    public Map<String, String> describe() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("telemetry.metrics_enabled", String.valueOf(telemetry.metricsEnabled()));
        out.put("telemetry.metrics_format", telemetry.metricsFormat());
        out.put("telemetry.sync_interval", Durations.format(telemetry.syncInterval()));
        out.put("telemetry.instance_id", String.valueOf(telemetry.instanceId()));
        out.put("telemetry.cardinality_limit", String.valueOf(telemetry.cardinalityLimit()));
        out.put("telemetry.max_label_value_length", String.valueOf(telemetry.maxLabelValueLength()));
        out.put("telemetry.export_directory", String.valueOf(telemetry.exportDirectory()));
        out.put("telemetry.stale_export_threshold", Durations.format(telemetry.staleExportThreshold()));
        out.put("telemetry.scheduled_export", String.valueOf(telemetry.scheduledExport()));
        out.put("telemetry.export_interval", Durations.format(telemetry.exportInterval()));
        out.put("telemetry.prometheus.endpoint", String.valueOf(prometheus.endpoint()));
        out.put("telemetry.prometheus.username", String.valueOf(prometheus.username()));
        out.put("telemetry.prometheus.password", prometheus.password() == null ? "(not set)" : "***");
        out.put("telemetry.prometheus.job_timeout", Durations.format(prometheus.jobTimeout()));
        out.put("telemetry.prometheus.export_timeout", Durations.format(prometheus.exportTimeout()));
        out.put("telemetry.prometheus.retry_attempts", String.valueOf(prometheus.retryAttempts()));
        out.put("telemetry.prometheus.retention_window", Durations.format(prometheus.retentionWindow()));
        out.put("telemetry.prometheus.safety_margin", Durations.format(prometheus.safetyMargin()));
        out.put("telemetry.prometheus.metric_prefix", prometheus.metricPrefix());
        out.put("telemetry.prometheus.include_instance_labels", String.valueOf(prometheus.includeInstanceLabels()));
        out.put("telemetry.prometheus.compression", prometheus.compression());
        out.put("telemetry.prometheus.batch_size", String.valueOf(prometheus.batchSize()));
        out.put("telemetry.prometheus.skip_if_unavailable", String.valueOf(prometheus.skipIfUnavailable()));
        out.put("telemetry.prometheus.require_endpoint", String.valueOf(prometheus.requireEndpoint()));
        out.put("cache.url", CacheStores.maskPassword(cache.url()));
        out.put("cache.namespace", cache.namespace());
        out.put("cache.timeout", Durations.format(cache.timeout()));
        return out;
    }
}
