package io.tasker.metrics.config;

import io.tasker.metrics.store.CacheStores;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The whole configuration, one typed record per part that reads it; built and validated by
 * {@link ConfigLoader}. Its {@code toString()} and {@link #describe()} never show a password.
 *
 * <pre>{@code
 * TaskerConfig config = ConfigLoader.load(Optional.of(Path.of("tasker.yml")), System.getenv());
 * Duration interval = config.telemetry().syncInterval();
 * }</pre>
 *
 * @param telemetry the {@code telemetry.*} keys of the collector process itself
 * @param registry what the metric registry reads
 * @param sync what the cluster sync reads
 * @param cache the {@code cache.*} keys
 * @param export what the export coordinator, scheduler and file pruning read
 * @param delivery how pushed exports (remote write, OTLP) are delivered
 * @param remoteWrite the remote write endpoint and its credentials
 * @param events the {@code events.*} keys
 * @param runs the {@code runs.*} keys
 * @param openTelemetry the trace and OTLP keys
 * @param statsd the {@code telemetry.statsd.*} keys
 * @param application the typed values of the keys of the application embedding the collector
 * @param shown every key's value as status output shows it, for display only
 * @param environment the entry of the file's {@code environments:} laid over it ({@code TASKER_ENV}
 *     or {@code --env}), or null
 * @param otel the standard {@code OTEL_*} environment variables it was loaded with, which the
 *     OpenTelemetry parts read as any OpenTelemetry application would (above our {@code telemetry.*} keys)
 */
public record TaskerConfig(
        Telemetry telemetry,
        RegistryConfig registry,
        SyncConfig sync,
        CacheSettings cache,
        ExportConfig export,
        DeliveryConfig delivery,
        RemoteWriteConfig remoteWrite,
        EventsConfig events,
        RunsConfig runs,
        OpenTelemetryConfig openTelemetry,
        StatsdConfig statsd,
        ApplicationValues application,
        Map<String, String> shown,
        String environment,
        Map<String, String> otel) {
    /**
     * Copies the shown values and the {@code OTEL_*} variables, so that the configuration stays immutable.
     *
     * @param telemetry {@code telemetry.*} of the collector process
     * @param registry the registry's keys
     * @param sync the sync's keys
     * @param cache {@code cache.*}
     * @param export the export's keys
     * @param delivery the pushed exports' delivery keys
     * @param remoteWrite the remote write endpoint
     * @param events {@code events.*}
     * @param runs {@code runs.*}
     * @param openTelemetry the trace and OTLP keys
     * @param statsd {@code telemetry.statsd.*}
     * @param application the application's own keys
     * @param shown every key's shown value by key name, in key order
     * @param environment the {@code environments:} entry laid over the file, or null
     * @param otel the standard {@code OTEL_*} variables, or null for none
     */
    public TaskerConfig {
        shown = Collections.unmodifiableMap(new LinkedHashMap<>(shown));
        otel = otel == null ? Map.of() : Map.copyOf(otel);
    }

    /**
     * {@code telemetry.*} keys that the collector process reads itself.
     *
     * @param metricsEnabled {@code telemetry.metrics_enabled}
     * @param metricsFormat {@code telemetry.metrics_format}
     * @param syncInterval {@code telemetry.sync_interval}
     * @param instanceId {@code telemetry.instance_id}, or null for the default
     * @param exportDirectory {@code telemetry.export_directory}
     * @param staleExportThreshold {@code telemetry.stale_export_threshold}
     * @param scheduledExport {@code telemetry.scheduled_export}
     */
    public record Telemetry(
            boolean metricsEnabled,
            String metricsFormat,
            Duration syncInterval,
            String instanceId,
            Path exportDirectory,
            Duration staleExportThreshold,
            boolean scheduledExport) {}

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

    /** Every key as {@link #describe()} shows it, so that a password never reaches a log line. */
    @Override
    public String toString() {
        return "TaskerConfig" + describe();
    }

    /**
     * Every key with its value as status output shows it: durations as written, secrets masked.
     * Text for display, not for reading values: the typed records hold those.
     *
     * @return the shown values by key name, in key order
     */
    public Map<String, String> describe() {
        return shown;
    }
}
