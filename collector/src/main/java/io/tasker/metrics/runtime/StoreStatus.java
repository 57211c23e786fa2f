package io.tasker.metrics.runtime;

import io.tasker.metrics.store.StoreCapabilities;
import io.tasker.metrics.store.SyncStrategy;
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
public record StoreStatus(String description, StoreCapabilities declared, StoreCapabilities confirmed,
                          SyncStrategy strategy, boolean healthy, String error, Instant checkedAt) {
}
