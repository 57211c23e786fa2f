/**
 * A Micrometer {@code MeterRegistry} that records into the collector: services instrumented
 * with Micrometer (every Spring Boot application) get the collector's sync, exports and
 * console, and the exact cluster-wide view, without re-instrumenting.
 *
 * <p>{@link io.tasker.metrics.micrometer.TaskerMeterRegistry} is the entry point; the meters
 * it makes are package-private. Names follow
 * {@link io.tasker.metrics.micrometer.TaskerNamingConvention}, which is Micrometer's Prometheus
 * convention. {@code docs/micrometer.md} has the mapping table and the Spring Boot wiring.
 */
package io.tasker.metrics.micrometer;
