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
 * @param includeInstanceLabels keep gauges apart per instance with an {@code instance} label
 */
public record SyncOptions(String namespace, String instanceId, int batchSize, Duration retentionWindow,
                          Duration instanceTimeout, boolean includeInstanceLabels) {
    /** The namespace of {@link #defaults}. */
    public static final String DEFAULT_NAMESPACE = "tasker";
    /** The series per chunk of {@link #defaults}. */
    public static final int DEFAULT_BATCH_SIZE = 1_000;
    /** The retention window of {@link #defaults}; the instance timeout is half of it. */
    public static final Duration DEFAULT_RETENTION = Duration.ofMinutes(5);

    /**
     * Checks the options.
     *
     * @param namespace the prefix of every key; a word without spaces
     * @param instanceId this instance's id; a word without {@code :} or spaces
     * @param batchSize series per chunk, within 1..100000
     * @param retentionWindow how long synced data lives in the store; at least 2 seconds
     * @param instanceTimeout when an instance is taken as stopped; positive and shorter than
     *     the retention window
     * @param includeInstanceLabels keep gauges apart per instance with an {@code instance} label
     * @throws IllegalArgumentException for a value out of range, naming its setting
     */
    public SyncOptions {
        new KeyLayout(namespace);
        Objects.requireNonNull(instanceId, "instanceId");
        if (instanceId.isBlank() || instanceId.contains(":") || instanceId.contains(" ")) {
            throw new IllegalArgumentException("instance_id must be a word without ':' or spaces, got '" + instanceId + "'");
        }
        if (batchSize < 1 || batchSize > 100_000) {
            throw new IllegalArgumentException("batch_size must be within 1..100000, got " + batchSize);
        }
        if (retentionWindow.compareTo(Duration.ofSeconds(2)) < 0) {
            throw new IllegalArgumentException("retention_window must be at least 2s, got " + retentionWindow);
        }
        if (instanceTimeout.isNegative() || instanceTimeout.isZero() || instanceTimeout.compareTo(retentionWindow) >= 0) {
            throw new IllegalArgumentException("the instance timeout (" + instanceTimeout
                    + ") must be positive and shorter than retention_window (" + retentionWindow
                    + "), so that a stopped instance is folded in before its data expires");
        }
    }

    /**
     * The defaults (docs/configuration.md) for this instance.
     *
     * @param instanceId this instance's id, unique in the cluster
     * @return the options: namespace {@code tasker}, 1,000 series per chunk, 5 minutes'
     *     retention, a 2.5-minute instance timeout, instance labels on
     */
    public static SyncOptions defaults(String instanceId) {
        return new SyncOptions(DEFAULT_NAMESPACE, instanceId, DEFAULT_BATCH_SIZE, DEFAULT_RETENTION,
                DEFAULT_RETENTION.dividedBy(2), true);
    }

    /**
     * These options with another namespace.
     *
     * @param ns the new namespace
     * @return a copy with that namespace
     */
    public SyncOptions withNamespace(String ns) {
        return new SyncOptions(ns, instanceId, batchSize, retentionWindow, instanceTimeout, includeInstanceLabels);
    }

    /**
     * These options with another batch size.
     *
     * @param size the new series per chunk
     * @return a copy with that batch size
     */
    public SyncOptions withBatchSize(int size) {
        return new SyncOptions(namespace, instanceId, size, retentionWindow, instanceTimeout, includeInstanceLabels);
    }


    /**
     * These options with instance labels on or off.
     *
     * @param on whether gauges are kept apart per instance
     * @return a copy with that setting
     */
    public SyncOptions withInstanceLabels(boolean on) {
        return new SyncOptions(namespace, instanceId, batchSize, retentionWindow, instanceTimeout, on);
    }

    /**
     * The key layout of this namespace.
     *
     * @return a layout for {@link #namespace()}
     */
    public KeyLayout keys() {
        return new KeyLayout(namespace);
    }
}
