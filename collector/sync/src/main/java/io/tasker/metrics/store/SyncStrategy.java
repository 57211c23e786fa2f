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

    /** The name status output, health checks and dashboards show; scripts match on it, so it never changes. */
    public String word() {
        return word;
    }

    /**
     * The strongest strategy these capabilities keep exact: pass the probe's confirmed capabilities,
     * never the declared ones.
     */
    public static SyncStrategy select(StoreCapabilities c) {
        if (c.distributed() && c.atomicIncrement() && c.locking()) {
            return DISTRIBUTED_ATOMIC;
        }
        return c.distributed() ? DISTRIBUTED_BASIC : LOCAL_ONLY;
    }
}
