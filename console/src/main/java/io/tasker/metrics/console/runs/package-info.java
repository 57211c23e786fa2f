/**
 * The Task runs pages and API: the cluster's recent runs (each instance's ring read from the
 * store, this console's own live), one run's step timeline with a trace link, and the steps
 * ranked by p95 over the cluster view.
 */
package io.tasker.metrics.console.runs;
