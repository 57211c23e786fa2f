/**
 * The console's history of values: a sampler that stores the cluster view in H2 at every
 * refresh, rollups from raw samples to minutes, hours and days with retention per tier, and
 * the queries behind {@code /chart}, {@code /api/series} and the sparklines.
 */
package io.tasker.metrics.console.history;
