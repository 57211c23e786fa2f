package io.tasker.metrics.runtime;

import io.tasker.metrics.store.CacheStore;
import io.tasker.metrics.store.KeyLayout;
import io.tasker.metrics.store.StoreCapabilities;
import io.tasker.metrics.store.StoreException;
import io.tasker.metrics.sync.SyncResult;
import io.tasker.metrics.sync.SyncStrategy;
import java.time.Instant;

/**
 * The store as the collector sees it now: what it declares, what its last probe confirmed, the
 * strategy that follows, and whether it is reachable.
 *
 * @param description the store's URL, password masked
 * @param declared the capabilities the store declares
 * @param confirmed the capabilities its last successful probe confirmed ({@link StoreCapabilities#NONE} before one)
 * @param strategy the strategy in use; {@code local_only} while the store cannot be reached
 * @param healthy whether the last probe or sync reached the store
 * @param error why it is not healthy, or null
 * @param checkedAt when the store was last probed or synced to
 */
public record StoreStatus(
        String description,
        StoreCapabilities declared,
        StoreCapabilities confirmed,
        SyncStrategy strategy,
        boolean healthy,
        String error,
        Instant checkedAt) {

    /**
     * Probes the store now; an unreachable store gives an unhealthy status, never an exception.
     *
     * @param store the store to probe
     * @param keys the layout whose namespace the probe keys go under
     * @param now the time to stamp the status with
     * @return the status: healthy with the confirmed capabilities, or unreachable with the error
     */
    public static StoreStatus probe(CacheStore store, KeyLayout keys, Instant now) {
        try {
            StoreCapabilities confirmed = store.probe(keys);
            return new StoreStatus(
                    store.description(),
                    store.declaredCapabilities(),
                    confirmed,
                    SyncStrategy.select(confirmed),
                    true,
                    null,
                    now);
        } catch (StoreException | IllegalArgumentException e) {
            return unreachable(store, e.getMessage(), now);
        }
    }

    /**
     * A store that cannot be reached: nothing confirmed, local recording only.
     *
     * @param store the store
     * @param why the error, or another reason such as {@code not probed yet}
     * @param now the time to stamp the status with
     * @return an unhealthy status with strategy {@code local_only}
     */
    public static StoreStatus unreachable(CacheStore store, String why, Instant now) {
        return new StoreStatus(
                store.description(),
                store.declaredCapabilities(),
                StoreCapabilities.NONE,
                SyncStrategy.LOCAL_ONLY,
                false,
                why,
                now);
    }

    /**
     * The same status after a sync that succeeded or failed.
     *
     * @param result the sync's result
     * @return a copy that is healthy when the sync had no error, stamped with the sync's time
     */
    public StoreStatus afterSync(SyncResult result) {
        return new StoreStatus(
                description, declared, confirmed, strategy, result.error() == null, result.error(), result.at());
    }
}
