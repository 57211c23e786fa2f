/**
 * Internal: the quantile sketch's bucket index and the UTF-8 length check of names and labels. Public only so that the artifact's own packages can share it; not part of the
 * API, left out of the javadoc, and free to change in any release (docs/architecture.md).
 */
package io.tasker.metrics.snapshot.internal;
