package io.tasker.metrics.console.health;

import io.tasker.metrics.console.web.Layout;

/** {@code health/health.jte}: the health report for people. */
public record HealthPage(Layout layout, HealthReport report) {}
