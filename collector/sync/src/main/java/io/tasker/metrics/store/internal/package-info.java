/**
 * Internal: the one capability probe every networked store runs, and the count of compare-and-set conflicts. Public only so that the artifact's own packages can share it; not part of the
 * API, left out of the javadoc, and free to change in any release (docs/architecture.md).
 */
package io.tasker.metrics.store.internal;
