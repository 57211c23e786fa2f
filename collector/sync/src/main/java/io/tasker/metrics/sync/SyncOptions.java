package io.tasker.metrics.sync;

import io.tasker.metrics.store.KeyLayout;
import java.time.Duration;
import java.util.Objects;

/**
 * How an instance syncs.
 *
 * @param namespace the prefix of every key ({@code cache.namespace}, default {@code tasker})
 * @param instanceId this instance's id, unique in the cluster (host name and process id by default)
 * @param batchSize series per chunk, and so per atomic write ({@code batch_size}, default 1,000)
 * @param retentionWindow how long synced data lives in the store without being written again
 *     ({@code retention_window}, default 5 minutes)
 * @param instanceTimeout an instance that has not synced for this long is taken as stopped, and
 *     its counts are folded into the retired totals (default half the retention window)
 * @param includeInstanceLabels keep gauges apart per instance with an "instance" label
 * @param failureThreshold syncs failing in a row for the same reason after which the instance is
 *     reported as failing and starts over with a full write under a fresh id
 *     ({@code sync_failure_threshold}, default 3)
 */
public record SyncOptions(
        String namespace,
        String instanceId,
        int batchSize,
        Duration retentionWindow,
        Duration instanceTimeout,
        boolean includeInstanceLabels,
        int failureThreshold) {
    /** The namespace of a configuration that names none. */
    public static final String DEFAULT_NAMESPACE = "tasker";
    /** Series per chunk by default. */
    public static final int DEFAULT_BATCH_SIZE = 1_000;
    /** How long synced data lives by default without being written again. */
    public static final Duration DEFAULT_RETENTION = Duration.ofMinutes(5);
    /** Same-reason failures in a row before an instance is reported failing and starts over. */
    public static final int DEFAULT_FAILURE_THRESHOLD = 3;

    /**
     * Fails fast, naming the configuration key, on a value the sync cannot work with.
     *
     * @param namespace the prefix of every key
     * @param instanceId this instance's id
     * @param batchSize series per chunk
     * @param retentionWindow how long synced data lives without being written again
     * @param instanceTimeout after how long without a sync an instance is taken as stopped
     * @param includeInstanceLabels keep gauges apart per instance
     * @param failureThreshold same-reason failures in a row before the instance starts over
     */
    public SyncOptions {
        new KeyLayout(namespace);
        Objects.requireNonNull(instanceId, "instanceId");
        if (instanceId.isBlank() || instanceId.contains(":") || instanceId.contains(" ")) {
            throw new IllegalArgumentException(
                    "instance_id must be a word without ':' or spaces, got '" + instanceId + "'");
        }
        if (batchSize < 1 || batchSize > 100_000) {
            throw new IllegalArgumentException("batch_size must be within 1..100000, got " + batchSize);
        }
        if (retentionWindow.compareTo(Duration.ofSeconds(2)) < 0) {
            throw new IllegalArgumentException("retention_window must be at least 2s, got " + retentionWindow);
        }
        if (instanceTimeout.isNegative()
                || instanceTimeout.isZero()
                || instanceTimeout.compareTo(retentionWindow) >= 0) {
            throw new IllegalArgumentException("the instance timeout (" + instanceTimeout
                    + ") must be positive and shorter than retention_window (" + retentionWindow
                    + "), so that a stopped instance is folded in before its data expires");
        }
        if (failureThreshold < 1 || failureThreshold > 1_000) {
            throw new IllegalArgumentException(
                    "sync_failure_threshold must be within 1..1000, got " + failureThreshold);
        }
    }

    /**
     * Options with the default failure threshold.
     *
     * @param namespace the prefix of every key
     * @param instanceId this instance's id
     * @param batchSize series per chunk
     * @param retentionWindow how long synced data lives in the store without being written again
     * @param instanceTimeout after how long without a sync an instance is taken as stopped
     * @param includeInstanceLabels keep gauges apart per instance
     */
    public SyncOptions(
            String namespace,
            String instanceId,
            int batchSize,
            Duration retentionWindow,
            Duration instanceTimeout,
            boolean includeInstanceLabels) {
        this(
                namespace,
                instanceId,
                batchSize,
                retentionWindow,
                instanceTimeout,
                includeInstanceLabels,
                DEFAULT_FAILURE_THRESHOLD);
    }

    /**
     * The defaults (docs/configuration.md) for this instance.
     *
     * @param instanceId the instance id
     * @return the default options
     */
    public static SyncOptions defaults(String instanceId) {
        return new SyncOptions(
                DEFAULT_NAMESPACE,
                instanceId,
                DEFAULT_BATCH_SIZE,
                DEFAULT_RETENTION,
                DEFAULT_RETENTION.dividedBy(2),
                true);
    }

    /**
     * The same options under another namespace.
     *
     * @param ns the namespace
     * @return the changed options
     */
    public SyncOptions withNamespace(String ns) {
        return new SyncOptions(
                ns, instanceId, batchSize, retentionWindow, instanceTimeout, includeInstanceLabels, failureThreshold);
    }

    /**
     * The same options with another batch size.
     *
     * @param size series per chunk
     * @return the changed options
     */
    public SyncOptions withBatchSize(int size) {
        return new SyncOptions(
                namespace, instanceId, size, retentionWindow, instanceTimeout, includeInstanceLabels, failureThreshold);
    }

    /**
     * The same options with or without instance labels on gauges.
     *
     * @param on keep gauges apart per instance
     * @return the changed options
     */
    public SyncOptions withInstanceLabels(boolean on) {
        return new SyncOptions(
                namespace, instanceId, batchSize, retentionWindow, instanceTimeout, on, failureThreshold);
    }

    /**
     * The same options with another failure threshold.
     *
     * @param failures same-reason failures in a row before the instance is reported failing and starts over
     * @return the changed options
     */
    public SyncOptions withFailureThreshold(int failures) {
        return new SyncOptions(
                namespace, instanceId, batchSize, retentionWindow, instanceTimeout, includeInstanceLabels, failures);
    }

    /**
     * The same options for another instance id.
     *
     * @param id the instance id
     * @return the changed options
     */
    public SyncOptions withInstanceId(String id) {
        return new SyncOptions(
                namespace, id, batchSize, retentionWindow, instanceTimeout, includeInstanceLabels, failureThreshold);
    }

    /**
     * The key layout of this namespace.
     *
     * @return the layout
     */
    public KeyLayout keys() {
        return new KeyLayout(namespace);
    }
}
