/**
 * Recent task runs: {@link io.tasker.metrics.runs.RecentRuns} keeps a bounded ring of this
 * instance's latest runs (failed runs kept longer) built from the lifecycle events,
 * {@link io.tasker.metrics.runs.RunsSync} writes it to the shared store with each sync under the
 * instance's own key and the retention TTL, and {@link io.tasker.metrics.runs.RunsReader} reads
 * every live instance's back, so the console and the CLI list the cluster's runs.
 * {@link io.tasker.metrics.runs.StepSummary} ranks step names by p95 over the cluster view.
 */
package io.tasker.metrics.runs;
