/**
 * The file store: one file per key in a directory, replaced by atomic rename, guarded by a
 * cross-process file lock, with corrupt files moved aside instead of read.
 */
package io.tasker.metrics.store.file;
