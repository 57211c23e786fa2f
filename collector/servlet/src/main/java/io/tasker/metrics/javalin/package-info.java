/**
 * {@link io.tasker.metrics.javalin.MetricsHandler}: a registry's metrics from a Javalin
 * application, Prometheus text or OpenMetrics by the {@code Accept} header. Javalin is an
 * optional dependency of {@code tasker-metrics-servlet}: the application brings its own.
 */
package io.tasker.metrics.javalin;
