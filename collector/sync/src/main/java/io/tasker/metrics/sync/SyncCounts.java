package io.tasker.metrics.sync;

import io.tasker.metrics.store.CacheStore;
import io.tasker.metrics.store.StoreException;
import io.tasker.metrics.store.internal.ConflictCounting;
import java.time.Duration;
import java.time.Instant;

/** What a sync or a maintenance run counted as it went; becomes its {@link SyncResult}. */
final class SyncCounts {
    int series;
    int changed;
    int batches;
    int conflicts;
    int retries;
    int failures;
    int retired;
    private final long[] casBefore;

    SyncCounts(CacheStore store) {
        this.casBefore = casCounts(store);
    }

    /** Adds the store's own compare-and-set conflicts and retries since this count began. */
    void addCas(CacheStore store) {
        long[] after = casCounts(store);
        conflicts += (int) (after[0] - casBefore[0]);
        retries += (int) (after[1] - casBefore[1]);
    }

    SyncResult result(Instant at, SyncStrategy strategy, Duration duration, String error) {
        return result(at, strategy, duration, error, error == null ? 0 : 1);
    }

    SyncResult result(Instant at, SyncStrategy strategy, Duration duration, String error, int failureStreak) {
        return new SyncResult(
                at,
                strategy,
                series,
                changed,
                batches,
                conflicts,
                retries,
                failures,
                retired,
                duration,
                error,
                failureStreak);
    }

    private static long[] casCounts(CacheStore store) {
        return store instanceof ConflictCounting c ? new long[] {c.casConflicts(), c.casRetries()} : new long[2];
    }

    /** A short random pause before the next compare-and-set attempt, growing with the attempts. */
    static void backoff(int attempt) {
        try {
            Thread.sleep((long) (Math.random() * (5L << Math.min(attempt, 6))));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("Interrupted while retrying a compare-and-set");
        }
    }
}
