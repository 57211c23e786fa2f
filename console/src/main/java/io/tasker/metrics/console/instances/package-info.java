/**
 * The Instances page: every instance that syncs into the namespace, its last sync, its status
 * (live, late, stopped and folded) and its share of the key counters; {@code GET /instances} and
 * {@code GET /api/instances}.
 */
package io.tasker.metrics.console.instances;
