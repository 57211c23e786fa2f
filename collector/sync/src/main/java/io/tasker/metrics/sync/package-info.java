/**
 * Cluster sync: each instance's cumulative state written to the shared store in versioned
 * chunks ({@link io.tasker.metrics.sync.ClusterSync}), folding of stopped instances, and the
 * cluster view read back and added up ({@link io.tasker.metrics.sync.ClusterReader},
 * {@link io.tasker.metrics.sync.ClusterView}). The chunk format and the merger live in
 * {@code io.tasker.metrics.sync.internal}.
 */
package io.tasker.metrics.sync;
