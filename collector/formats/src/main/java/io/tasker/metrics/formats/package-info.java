/**
 * The JSON and CSV writers of a {@link io.tasker.metrics.snapshot.MetricsSnapshot}, for export
 * files and downloads, and {@link io.tasker.metrics.formats.ExpositionFormats}, which picks any
 * of the four writers by format name.
 */
package io.tasker.metrics.formats;
