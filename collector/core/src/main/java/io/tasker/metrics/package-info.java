/**
 * The collector's instruments: a {@link io.tasker.metrics.MetricRegistry} of
 * {@link io.tasker.metrics.Counter}s, {@link io.tasker.metrics.Gauge}s and
 * {@link io.tasker.metrics.Histogram}s, their bound series for hot paths, the options that
 * bound them and the {@link io.tasker.metrics.Clock} they read time from.
 */
package io.tasker.metrics;
