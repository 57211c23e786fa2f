/**
 * Shared stores: the {@link io.tasker.metrics.store.CacheStore} interface of versioned records,
 * the in-process stores (memory, null), capabilities and the sync strategy that follows from
 * them, the {@link io.tasker.metrics.store.KeyLayout} that names every key, and
 * {@link io.tasker.metrics.store.CacheStores}, which
 * opens a URL through the {@link io.tasker.metrics.store.StoreProvider} of its backend
 * (store.redis, store.memcached, store.file).
 */
package io.tasker.metrics.store;
