/**
 * Writers from a {@link io.tasker.metrics.snapshot.MetricsSnapshot} to a stream: Prometheus
 * text 0.0.4, OpenMetrics 1.0, JSON and CSV, one small class each behind
 * {@link io.tasker.metrics.format.ExpositionFormatWriter}, and the choice between them.
 */
package io.tasker.metrics.format;
