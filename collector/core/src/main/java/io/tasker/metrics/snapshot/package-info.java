/**
 * Immutable values that describe what was recorded: a {@link io.tasker.metrics.snapshot.MetricsSnapshot}
 * of sealed {@link io.tasker.metrics.snapshot.MetricFamilySnapshot} records (counter, gauge,
 * histogram), their labels, bucket bounds and quantile sketches. Writers, stores and exporters
 * read these, never the live instruments.
 */
package io.tasker.metrics.snapshot;
