package io.tasker.metrics.store;

import java.util.LinkedHashMap;

/**
 * What a store can do, as it declares and as its probe at start confirms. The sync strategy
 * follows from these (see {@link io.tasker.metrics.sync.SyncStrategy#select}).
 *
 * @param distributed other processes, on other hosts, see what this one writes
 * @param atomicIncrement {@link CacheStore#increment} is atomic across processes
 * @param locking a lock with an owner token: set-if-absent with expiry, release and renewal by the owner only
 * @param ttlInspection {@link CacheStore#ttl} tells how long a key has left
 * @param ttlExtension {@link CacheStore#touch} extends a key's time to live
 * @param namespaces keys can be kept apart under a prefix
 * @param compression the store compresses large values itself
 * @param persistent what is written survives a restart of the store
 */
public record StoreCapabilities(
        boolean distributed,
        boolean atomicIncrement,
        boolean locking,
        boolean ttlInspection,
        boolean ttlExtension,
        boolean namespaces,
        boolean compression,
        boolean persistent) {

    /** Nothing at all: what a store that could not be reached offers. */
    public static final StoreCapabilities NONE =
            new StoreCapabilities(false, false, false, false, false, false, false, false);

    /**
     * The capabilities in the order the CLI and console list them, with their names.
     *
     * @return a new map from names such as {@code atomic_increment} to whether the store has it
     */
    public LinkedHashMap<String, Boolean> asMap() {
        LinkedHashMap<String, Boolean> map = new LinkedHashMap<>();
        map.put("distributed", distributed);
        map.put("atomic_increment", atomicIncrement);
        map.put("locking", locking);
        map.put("ttl_inspection", ttlInspection);
        map.put("ttl_extension", ttlExtension);
        map.put("namespaces", namespaces);
        map.put("compression", compression);
        map.put("persistent", persistent);
        return map;
    }
}
