package io.tasker.metrics.subscribers.telemetry;

import java.time.Duration;

/**
 * How the TelemetrySubscriber bounds its memory: a task whose end never comes is ended (marked
 * {@code tasker.evicted=true}) after {@code openSpanTimeout}, or sooner when more than
 * {@code maxOpenTasks} are open; and which attribute keys it masks.
 *
 * <pre>{@code
 * new TelemetryOptions(Duration.ofHours(1), 10_000, ParameterMask.parse("password,token"));
 * }</pre>
 */
public record TelemetryOptions(Duration openSpanTimeout, int maxOpenTasks, ParameterMask mask) {
    /** Checks the open span timeout is positive and the open task limit at least 1. */
    public TelemetryOptions {
        if (openSpanTimeout == null || openSpanTimeout.isNegative() || openSpanTimeout.isZero()) {
            throw new IllegalArgumentException("telemetry.open_span_timeout must be positive, not " + openSpanTimeout);
        }
        if (maxOpenTasks < 1) {
            throw new IllegalArgumentException("The TelemetrySubscriber's open task limit must be 1 or more, not " + maxOpenTasks);
        }
    }

    /** One hour, 10,000 open tasks, the default sensitive words. */
    public static TelemetryOptions defaults() {
        return new TelemetryOptions(Duration.ofHours(1), 10_000,
                ParameterMask.parse("password,passwd,token,secret,api_key,apikey,authorization,credential"));
    }
}
