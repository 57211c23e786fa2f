/**
 * Configuration: the YAML file's keys ({@code telemetry.*}, see docs/design-notes.md, plus a
 * {@code cache} section), their defaults and environment overrides
 * ({@link io.tasker.metrics.config.ConfigKey}), loading and validation that lists every
 * problem at once ({@link io.tasker.metrics.config.ConfigLoader}) into
 * {@link io.tasker.metrics.config.TaskerConfig}: one typed record per part that reads the keys
 * (registry, sync, export, delivery, remote write, events, runs, OpenTelemetry, StatsD).
 */
package io.tasker.metrics.config;
