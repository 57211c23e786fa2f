package io.tasker.metrics.sync;

import java.time.Duration;

/**
 * Something an instance writes beside its metrics with each successful sync, under its own
 * instance id and with the same retention, so that it expires with the instance's other keys
 * (its recent task runs). It must not throw: a failure is its own to log and count, and never
 * fails the metrics sync.
 */
@FunctionalInterface
public interface SyncSidecar {
    /**
     * Writes after a successful sync.
     *
     * @param instanceId the id the instance synced under
     * @param ttl the retention its keys were written with
     */
    void write(String instanceId, Duration ttl);
}
