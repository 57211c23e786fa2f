package io.tasker.metrics.sync;

import io.tasker.metrics.store.StoreCapabilities;

/**
 * Whether an instance shares what it records with the rest of the cluster, chosen from the
 * store's confirmed capabilities: the strongest strategy the store can keep exact, never one it
 * only declares.
 *
 * <p>{@link ClusterSync} branches on one thing only, {@link #shared()}. Every strategy writes the
 * same records the same way: each instance's cumulative state under keys of its own, which
 * readers add up. A shared strategy also takes part in the cluster: the instance's id is settled
 * against the others', the store's housekeeping folds and expires instances that stopped, and a
 * sync that keeps failing starts over under a fresh id. The two shared strategies differ only in
 * how the store itself implements its compare-and-set and locks (Redis as server-side scripts, atomically;
 * Memcached by {@code gets}/{@code cas} retries), which the store class hides; their names stay
 * apart because the console, {@code status} and the dashboards show which kind of store is in use.
 */
public enum SyncStrategy {
    /** Shared, through a store with atomic increments and locking (Redis). */
    DISTRIBUTED_ATOMIC("distributed_atomic"),
    /** Shared, through a distributed store without atomic increments (Memcached). */
    DISTRIBUTED_BASIC("distributed_basic"),
    /** Not shared with other hosts (file, memory, null): the instance's state is its own view. */
    LOCAL_ONLY("local_only");

    private final String word;

    SyncStrategy(String word) {
        this.word = word;
    }

    /**
     * The name status output, health checks and dashboards show; scripts match on it, so it never changes.
     *
     * @return the strategy's name, such as {@code distributed_atomic}
     */
    public String word() {
        return word;
    }

    /**
     * Whether the instance takes part in the cluster (id settling, housekeeping, starting over),
     * the only difference {@link ClusterSync} makes between strategies.
     *
     * @return true for both distributed strategies
     */
    public boolean shared() {
        return this != LOCAL_ONLY;
    }

    /**
     * The strongest strategy the capabilities allow: {@link #DISTRIBUTED_ATOMIC} for a
     * distributed store with atomic increments and locking, {@link #DISTRIBUTED_BASIC} for any
     * other distributed store, {@link #LOCAL_ONLY} otherwise.
     *
     * @param c the store's capabilities, as its probe confirmed them
     * @return the strategy to sync with
     */
    public static SyncStrategy select(StoreCapabilities c) {
        if (c.distributed() && c.atomicIncrement() && c.locking()) {
            return DISTRIBUTED_ATOMIC;
        }
        return c.distributed() ? DISTRIBUTED_BASIC : LOCAL_ONLY;
    }
}
