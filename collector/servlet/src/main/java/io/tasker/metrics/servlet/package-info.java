/**
 * {@link io.tasker.metrics.servlet.MetricsServlet}: a registry's metrics from a Jakarta Servlet 6
 * container, Prometheus text or OpenMetrics by the {@code Accept} header.
 */
package io.tasker.metrics.servlet;
