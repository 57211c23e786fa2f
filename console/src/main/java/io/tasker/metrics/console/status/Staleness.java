package io.tasker.metrics.console.status;

import io.tasker.metrics.console.web.Format;
import java.time.Duration;
import java.time.Instant;

/**
 * Whether exports have gone stale: the last successful one is older than the threshold (15
 * minutes by default, as the TaskerMetricsStale alert judges), or there was none.
 *
 * @param lastSuccess when the last successful export ran, or null
 * @param age how long ago that was, or null
 */
public record Staleness(boolean stale, Instant lastSuccess, Duration age, Duration threshold) {
    public String message() {
        if (lastSuccess == null) {
            return "No export has succeeded yet. Export now, or configure telemetry.prometheus.endpoint "
                    + "and a CronJob running tasker-metrics export.";
        }
        return "The last successful export was " + age.toMinutes() + " min ago (at " + Format.time(lastSuccess)
                + "), more than the " + threshold.toMinutes() + " min allowed.";
    }
}
