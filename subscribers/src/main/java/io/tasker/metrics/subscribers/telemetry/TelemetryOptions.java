package io.tasker.metrics.subscribers.telemetry;

import io.tasker.metrics.config.ConfigKey;
import io.tasker.metrics.config.TaskerConfig;
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
     * Checks that the timeout is positive and the limit at least 1.
     *
     * @param openSpanTimeout how long a task may stay open
     * @param maxOpenTasks how many tasks may be open at once
     * @param mask what is masked
     */
    public TelemetryOptions {
        if (openSpanTimeout == null || openSpanTimeout.isNegative() || openSpanTimeout.isZero()) {
            throw new IllegalArgumentException("telemetry.open_span_timeout must be positive, not " + openSpanTimeout);
        }
        if (maxOpenTasks < 1) {
            throw new IllegalArgumentException(
                    "The TelemetrySubscriber's open task limit must be 1 or more, not " + maxOpenTasks);
        }
    }

    /**
     * The options a configuration gives: {@code telemetry.open_span_timeout} and
     * {@code telemetry.masked_parameters} with {@code telemetry.masked_value_pattern}, with the
     * default open task limit.
     *
     * @param config the loaded configuration
     * @return the options
     */
    public static TelemetryOptions from(TaskerConfig config) {
        return new TelemetryOptions(
                config.openTelemetry().openSpanTimeout(),
                defaults().maxOpenTasks(),
                ParameterMask.parse(
                        config.openTelemetry().maskedParameters(),
                        config.openTelemetry().maskedValuePattern()));
    }

    /**
     * One hour, 10,000 open tasks, the default sensitive words.
     *
     * @return the defaults
     */
    public static TelemetryOptions defaults() {
        return new TelemetryOptions(
                Duration.ofHours(1), 10_000, ParameterMask.parse(ConfigKey.MASKED_PARAMETERS.defaultValue()));
    }
}
