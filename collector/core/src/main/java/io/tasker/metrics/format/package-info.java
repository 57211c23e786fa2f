/**
 * Writers from a {@link io.tasker.metrics.snapshot.MetricsSnapshot} to a stream: Prometheus
 * text 0.0.4 and OpenMetrics 1.0, one small class each behind
 * {@link io.tasker.metrics.format.ExpositionFormatWriter}, which also picks one by an HTTP
 * {@code Accept} header. JSON and CSV are in {@code tasker-metrics-formats}.
 */
package io.tasker.metrics.format;
