/**
 * The Memcached store on xmemcached: versioned records by compare-and-set with bounded retries,
 * expiry times Memcached understands, and the conflicts it counts for sync results.
 */
package io.tasker.metrics.store.memcached;
