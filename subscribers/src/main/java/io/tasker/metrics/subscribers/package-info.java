/**
 * Event subscribers with dependencies the collector core does without: traces by OpenTelemetry
 * ({@link io.tasker.metrics.subscribers.telemetry}) and DogStatsD metrics
 * ({@link io.tasker.metrics.subscribers.statsd}), and {@link io.tasker.metrics.subscribers.Subscribers},
 * which builds those the configuration enables.
 */
package io.tasker.metrics.subscribers;
