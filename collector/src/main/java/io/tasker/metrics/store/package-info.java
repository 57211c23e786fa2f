/**
 * Shared stores: the {@link io.tasker.metrics.store.CacheStore} interface of versioned records,
 * its implementations (Redis, Memcached, file, memory, null), their capabilities and the sync
 * strategy that follows from them.
 */
package io.tasker.metrics.store;
