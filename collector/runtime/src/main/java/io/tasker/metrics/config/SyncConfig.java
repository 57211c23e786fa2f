package io.tasker.metrics.config;

import java.time.Duration;

/**
 * What the cluster sync reads beside the store's namespace and the instance id.
 *
 * <pre>{@code
 * int perChunk = config.sync().batchSize();
 * }</pre>
 *
 * @param retentionWindow {@code telemetry.prometheus.retention_window}: how long synced data lives
 *     in the store unless written again; an instance silent for half of it is taken for stopped
 * @param batchSize {@code telemetry.prometheus.batch_size}: series per sync chunk
 * @param includeInstanceLabels {@code telemetry.prometheus.include_instance_labels}
 * @param failureThreshold {@code telemetry.sync_failure_threshold}
 */
public record SyncConfig(
        Duration retentionWindow, int batchSize, boolean includeInstanceLabels, int failureThreshold) {}
