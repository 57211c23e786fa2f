/**
 * Internal: the chunk codec ({@code SnapshotCodec}, {@code DecodedChunk}), chunking, and the view merger that adds instances up. Public only so that the artifact's own packages can share it; not part of the
 * API, left out of the javadoc, and free to change in any release (docs/architecture.md).
 */
package io.tasker.metrics.sync.internal;
