/**
 * Internal: the remote write protobuf encoder, its batches and the label cursor. Public only so that the artifact's own packages can share it; not part of the
 * API, left out of the javadoc, and free to change in any release (docs/architecture.md).
 */
package io.tasker.metrics.export.remote.internal;
