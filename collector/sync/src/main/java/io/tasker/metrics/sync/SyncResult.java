package io.tasker.metrics.sync;

import io.tasker.metrics.store.SyncStrategy;
import java.time.Duration;
import java.time.Instant;

/**
 * What one sync did, for the console, the CLI and logs.
 *
 * @param at when it started
 * @param strategy the strategy it ran with
 * @param seriesSynced series written (the instance's whole cumulative state)
 * @param seriesChanged series whose values changed since the last acknowledged sync
 * @param batches chunk writes sent (each at most batch_size series)
 * @param conflicts writes the store refused as older than what it held, or compare-and-set races lost
 * @param retries operations retried
 * @param failures batches that failed (kept and sent again by the next sync)
 * @param retiredInstances stopped instances folded into the retired totals by this sync
 * @param duration how long it took
 * @param error what went wrong, or null
 */
public record SyncResult(Instant at, SyncStrategy strategy, int seriesSynced, int seriesChanged, int batches,
                         int conflicts, int retries, int failures, int retiredInstances, Duration duration,
                         String error) {

    /**
     * Whether the sync got everything across.
     *
     * @return true when there was no error and no batch failed
     */
    public boolean success() {
        return error == null && failures == 0;
    }
}
