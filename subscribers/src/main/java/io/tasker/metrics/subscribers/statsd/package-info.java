/**
 * The design document's DataDog integration: task ends as DogStatsD metrics
 * ({@code tasker.task.duration}, {@code tasker.task.completed}, {@code tasker.task.failed}) through
 * {@code com.datadoghq:java-dogstatsd-client}, with sanitised tags.
 */
package io.tasker.metrics.subscribers.statsd;
