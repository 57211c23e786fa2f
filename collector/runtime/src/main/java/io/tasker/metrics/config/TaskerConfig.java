package io.tasker.metrics.config;

import io.tasker.metrics.export.ExportRetention;
import io.tasker.metrics.export.remote.Compression;
import io.tasker.metrics.export.remote.RemoteWriteSettings;
import io.tasker.metrics.store.CacheStores;
import java.net.URI;
import java.net.URISyntaxException;
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
 * @param otel the standard {@code OTEL_*} environment variables it was loaded with, which the
 *     OpenTelemetry parts read as any OpenTelemetry application would (above our {@code telemetry.*} keys)
 */
public record TaskerConfig(Telemetry telemetry, PrometheusSettings prometheus, CacheSettings cache,
                           Map<ConfigKey, Object> values, String environment, Map<String, String> otel) {
    public TaskerConfig {
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
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
    public TaskerConfig(Telemetry telemetry, PrometheusSettings prometheus, CacheSettings cache,
                        Map<ConfigKey, Object> values, String environment) {
        this(telemetry, prometheus, cache, values, environment, Map.of());
    }

    /** {@code telemetry.*} apart from {@code telemetry.prometheus}. */
    public record Telemetry(boolean metricsEnabled, String metricsFormat, Duration syncInterval, String instanceId,
                            int cardinalityLimit, int maxLabelValueLength, Path exportDirectory,
                            Duration staleExportThreshold, boolean scheduledExport) {
    }

    /** {@code telemetry.prometheus.*}: export timing and the remote write endpoint. */
    public record PrometheusSettings(String endpoint, String username, String password, Duration jobTimeout,
                                     Duration exportTimeout, int retryAttempts, Duration retentionWindow,
                                     Duration safetyMargin, String metricPrefix, boolean includeInstanceLabels,
                                     String compression, int batchSize, boolean skipIfUnavailable) {
        @Override
        public String toString() {
            return "PrometheusSettings[endpoint=" + endpoint + ", username=" + username + ", password="
                    + (password == null ? "null" : "***") + ", ...]";
        }

        /** The remote write part of a loaded configuration; its endpoint must be set. */
        public RemoteWriteSettings remoteWrite() {
            PrometheusSettings p = this;
            if (p.endpoint() == null || p.endpoint().isBlank()) {
                throw new IllegalArgumentException("telemetry.prometheus.endpoint is not set, and remote write needs it");
            }
            URI endpoint;
            try {
                endpoint = new URI(p.endpoint().strip());
            } catch (URISyntaxException e) {
                // The reason, not the input: a malformed URL may still carry a password.
                throw new IllegalArgumentException("telemetry.prometheus.endpoint is not a valid URL: " + e.getReason(), e);
            }
            return new RemoteWriteSettings(endpoint, p.username(), p.password(), p.exportTimeout(), p.retryAttempts(),
                    Compression.parse(p.compression()), p.batchSize(), p.skipIfUnavailable());
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

    /** How long export files are kept, and how many: {@code telemetry.export_retention} and {@code telemetry.export_max_files}. */
    public ExportRetention exportRetention() {
        return new ExportRetention(value(ConfigKey.EXPORT_RETENTION), value(ConfigKey.EXPORT_MAX_FILES));
    }

    /** Every key as {@link #describe()} shows it, so that a password never reaches a log line. */
    @Override
    public String toString() {
        return "TaskerConfig" + describe();
    }

    /** A key's typed value: Boolean, String, Integer or Duration, as its kind says; null when unset. */
    @SuppressWarnings("unchecked")
    public <T> T value(ConfigKey key) {
        return (T) values.get(key);
    }

    /** The typed value of a key by its name, for an application's own keys; null when unknown or unset. */
    public Object value(String name) {
        return values.entrySet().stream().filter(e -> e.getKey().name().equals(name)).findFirst()
                .map(Map.Entry::getValue).orElse(null);
    }

    /** Every key with its value as status output shows it: durations as written, secrets masked. */
    public Map<String, String> describe() {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((key, value) -> out.put(key.name(), key.show(value)));
        return out;
    }
}
