/**
 * The collector at run time: {@link io.tasker.metrics.runtime.MetricsCollector} wires a
 * registry to a store (probe, strategy, background sync, final sync on shutdown) and reports the
 * store's status; {@link io.tasker.metrics.runtime.InstanceIds} names instances.
 */
package io.tasker.metrics.runtime;
