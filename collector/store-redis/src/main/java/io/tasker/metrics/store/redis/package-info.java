/**
 * The Redis store (single server, TLS, or Redis Cluster) on Jedis: versioned records written by
 * Lua scripts so that a write is newer-only and atomic, pooled connections, and failures mapped
 * to {@link io.tasker.metrics.store.StoreException} with the URL's password masked.
 */
package io.tasker.metrics.store.redis;
