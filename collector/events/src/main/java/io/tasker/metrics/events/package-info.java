/**
 * Workflow lifecycle events, the design document's second system beside the native metrics:
 * immutable {@link io.tasker.metrics.events.TaskerEvent} records (task started, completed and
 * failed; step started, completed, failed, retried and out of retries), an
 * {@link io.tasker.metrics.events.EventPublisher} that hands them to each
 * {@link io.tasker.metrics.events.EventSubscriber} off the publishing thread through a bounded
 * queue of its own, and the {@link io.tasker.metrics.events.MetricsSubscriber} that turns them into
 * the design's task and step metrics. Nothing here depends on more than the collector core; the
 * OpenTelemetry and StatsD subscribers live in the {@code tasker-metrics-subscribers} module.
 */
package io.tasker.metrics.events;
