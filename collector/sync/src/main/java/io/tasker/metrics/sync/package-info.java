/**
 * Cluster sync: each instance's cumulative state written to the shared store in versioned
 * chunks ({@link io.tasker.metrics.sync.ClusterSync}), the binary chunk format
 * ({@link io.tasker.metrics.sync.internal.SnapshotCodec}), the key layout, folding of stopped instances,
 * and the cluster view read back and added up ({@link io.tasker.metrics.sync.internal.ViewMerger}).
 */
package io.tasker.metrics.sync;
