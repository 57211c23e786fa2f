package io.tasker.metrics.sync;

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
 * @param failureStreak how many syncs in a row, this one included, failed for the same reason (0 when it succeeded)
 */
public record SyncResult(
        Instant at,
        SyncStrategy strategy,
        int seriesSynced,
        int seriesChanged,
        int batches,
        int conflicts,
        int retries,
        int failures,
        int retiredInstances,
        Duration duration,
        String error,
        int failureStreak) {

    /**
     * A result without a failure streak: 1 for a failure, 0 for a success.
     *
     * @param at when it started
     * @param strategy the strategy it ran with
     * @param seriesSynced series written
     * @param seriesChanged series changed since the last acknowledged sync
     * @param batches chunk writes sent
     * @param conflicts writes refused as older, or compare-and-set races lost
     * @param retries operations retried
     * @param failures batches that failed
     * @param retiredInstances stopped instances folded in by this sync
     * @param duration how long it took
     * @param error what went wrong, or null
     */
    public SyncResult(
            Instant at,
            SyncStrategy strategy,
            int seriesSynced,
            int seriesChanged,
            int batches,
            int conflicts,
            int retries,
            int failures,
            int retiredInstances,
            Duration duration,
            String error) {
        this(
                at,
                strategy,
                seriesSynced,
                seriesChanged,
                batches,
                conflicts,
                retries,
                failures,
                retiredInstances,
                duration,
                error,
                error == null && failures == 0 ? 0 : 1);
    }

    /**
     * Whether the sync got everything across.
     *
     * @return true when nothing failed
     */
    public boolean success() {
        return error == null && failures == 0;
    }
}
