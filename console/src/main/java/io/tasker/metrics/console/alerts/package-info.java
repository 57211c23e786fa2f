/**
 * The console's alerts beyond the stale export: the task error-rate threshold and late
 * instances, their banners and the {@code tasker_console_alert_firing{alert}} gauge.
 */
package io.tasker.metrics.console.alerts;
