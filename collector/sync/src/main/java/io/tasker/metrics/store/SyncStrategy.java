package io.tasker.metrics.store;

/**
 * How the collector shares what it records, chosen from the store's confirmed capabilities: the
 * strongest strategy the store can keep exact, never one it only declares.
 */
public enum SyncStrategy {
    /** Distributed, with atomic increments and locking (Redis): batched, atomic writes. */
    DISTRIBUTED_ATOMIC("distributed_atomic"),
    /** Distributed only (Memcached): compare-and-set read-modify-write, retried on conflicts. */
    DISTRIBUTED_BASIC("distributed_basic"),
    /** Not shared with other hosts (file, memory, null): the local snapshot is written to the store. */
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
