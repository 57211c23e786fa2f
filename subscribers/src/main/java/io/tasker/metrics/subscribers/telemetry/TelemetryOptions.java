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
 *
 * @param openSpanTimeout how long a task may stay open before it is ended as evicted
 * @param maxOpenTasks how many tasks may be open before the oldest is ended as evicted
 * @param mask which attribute keys are masked
 */
public record TelemetryOptions(Duration openSpanTimeout, int maxOpenTasks, ParameterMask mask) {
    /**
     * Checks the limits.
     *
     * @param openSpanTimeout how long a task may stay open; positive
     * @param maxOpenTasks how many tasks may be open; at least 1
     * @param mask which attribute keys are masked
     * @throws IllegalArgumentException for a limit out of range
     */
    public TelemetryOptions {
        if (openSpanTimeout == null || openSpanTimeout.isNegative() || openSpanTimeout.isZero()) {
            throw new IllegalArgumentException("telemetry.open_span_timeout must be positive, not " + openSpanTimeout);
        }
        if (maxOpenTasks < 1) {
            throw new IllegalArgumentException("The TelemetrySubscriber's open task limit must be 1 or more, not " + maxOpenTasks);
        }
    }

    /**
     * One hour, 10,000 open tasks, the default sensitive words.
     *
     * @return the default options
     */
    public static TelemetryOptions defaults() {
        return new TelemetryOptions(Duration.ofHours(1), 10_000,
                ParameterMask.parse("password,passwd,token,secret,api_key,apikey,authorization,credential"));
    }
}
