package io.tasker.metrics.config;

import io.tasker.metrics.export.ExportRetention;
import io.tasker.metrics.export.ExportTiming;
import java.time.Duration;

/**
 * What the export coordinator, its scheduler and the export files' pruning read.
 *
 * <pre>{@code
 * config.export().retention().prune(config.telemetry().exportDirectory(), clock.instant());
 * }</pre>
 *
 * @param interval {@code telemetry.export_interval}: how often the export CronJob runs
 * @param jobTimeout {@code telemetry.prometheus.job_timeout}: the lock's expiry and an export's budget
 * @param exportTimeout {@code telemetry.prometheus.export_timeout}: one delivery's timeout
 * @param retryAttempts {@code telemetry.prometheus.retry_attempts}: retries of a failed export
 * @param retentionWindow {@code telemetry.prometheus.retention_window}
 * @param safetyMargin {@code telemetry.prometheus.safety_margin}
 * @param fileRetention {@code telemetry.export_retention}: export files older than this are deleted
 * @param maxFiles {@code telemetry.export_max_files}: beyond this many export files, the oldest are deleted
 */
public record ExportConfig(
        Duration interval,
        Duration jobTimeout,
        Duration exportTimeout,
        int retryAttempts,
        Duration retentionWindow,
        Duration safetyMargin,
        Duration fileRetention,
        int maxFiles) {
    /**
     * When an export may run before the synced data expires.
     *
     * @return the retention window, safety margin and export timeout as export timing
     */
    public ExportTiming timing() {
        return new ExportTiming(retentionWindow, safetyMargin, exportTimeout);
    }

    /**
     * How long export files are kept, and how many.
     *
     * @return the export files' retention
     */
    public ExportRetention retention() {
        return new ExportRetention(fileRetention, maxFiles);
    }
}
