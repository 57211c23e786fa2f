package io.tasker.metrics;

import java.util.Objects;

/**
 * How a {@link MetricRegistry} names and bounds what it records.
 *
 * @param metricPrefix prefix put once before every metric name ({@code tasker} gives
 *     {@code tasker_task_executions_total}); empty for none
 * @param maxSeriesPerMetric label combinations a metric keeps before new ones are folded into
 *     its {@code tasker_overflow="true"} series
 * @param maxLabelValueLength label values longer than this many UTF-8 bytes are cut to it at a
 *     character boundary (and counted)
 * @param clock the time source for snapshots
 */
public record RegistryOptions(String metricPrefix, int maxSeriesPerMetric, int maxLabelValueLength, Clock clock) {
    /** The metric prefix of {@link #defaults()}. */
    public static final String DEFAULT_PREFIX = "tasker";
    /** The series per metric of {@link #defaults()}. */
    public static final int DEFAULT_MAX_SERIES = 10_000;
    /** The longest label value, in UTF-8 bytes, of {@link #defaults()}. */
    public static final int DEFAULT_MAX_LABEL_VALUE_LENGTH = 1_024;

    /**
     * Checks the options.
     *
     * @param metricPrefix prefix put once before every metric name; empty for none
     * @param maxSeriesPerMetric label combinations a metric keeps before folding, at least 1
     * @param maxLabelValueLength the longest label value in UTF-8 bytes, at least 1
     * @param clock the time source for snapshots
     * @throws NullPointerException when the prefix or clock is null
     * @throws IllegalArgumentException for a prefix that cannot start a metric name, or a limit
     *     below 1
     */
    public RegistryOptions {
        Objects.requireNonNull(metricPrefix, "metricPrefix (use \"\" for none)");
        Objects.requireNonNull(clock, "clock");
        if (!metricPrefix.isEmpty() && !metricPrefix.matches("[a-zA-Z_:][a-zA-Z0-9_:]*")) {
            throw new IllegalArgumentException("metric_prefix '" + metricPrefix
                    + "' is not a valid metric name start; use letters, digits, '_' and ':'");
        }
        if (maxSeriesPerMetric < 1) {
            throw new IllegalArgumentException("maxSeriesPerMetric must be at least 1, got " + maxSeriesPerMetric);
        }
        if (maxLabelValueLength < 1) {
            throw new IllegalArgumentException("maxLabelValueLength must be at least 1, got " + maxLabelValueLength);
        }
    }

    /**
     * The defaults: prefix {@value #DEFAULT_PREFIX}, {@value #DEFAULT_MAX_SERIES} series per
     * metric, label values up to {@value #DEFAULT_MAX_LABEL_VALUE_LENGTH} bytes, the system clock.
     *
     * @return the default options
     */
    public static RegistryOptions defaults() {
        return new RegistryOptions(DEFAULT_PREFIX, DEFAULT_MAX_SERIES, DEFAULT_MAX_LABEL_VALUE_LENGTH, Clock.SYSTEM);
    }

    /**
     * These options with another metric prefix.
     *
     * @param prefix the new prefix; empty for none
     * @return a copy with that prefix
     */
    public RegistryOptions withMetricPrefix(String prefix) {
        return new RegistryOptions(prefix, maxSeriesPerMetric, maxLabelValueLength, clock);
    }

    /**
     * These options with another limit on label combinations per metric.
     *
     * @param max the new limit, at least 1
     * @return a copy with that limit
     */
    public RegistryOptions withMaxSeriesPerMetric(int max) {
        return new RegistryOptions(metricPrefix, max, maxLabelValueLength, clock);
    }

    /**
     * These options with another limit on label value length.
     *
     * @param max the new limit in UTF-8 bytes, at least 1
     * @return a copy with that limit
     */
    public RegistryOptions withMaxLabelValueLength(int max) {
        return new RegistryOptions(metricPrefix, maxSeriesPerMetric, max, clock);
    }

    /**
     * These options with another clock, such as a {@link ManualClock} in tests.
     *
     * @param c the new time source
     * @return a copy with that clock
     */
    public RegistryOptions withClock(Clock c) {
        return new RegistryOptions(metricPrefix, maxSeriesPerMetric, maxLabelValueLength, c);
    }

    /**
     * The name under which {@code name} is exposed: the prefix put in front once.
     *
     * @param name a metric name as defined
     * @return {@code name} unchanged when there is no prefix or it already starts with it,
     *     else {@code prefix_name}
     */
    public String prefixed(String name) {
        if (metricPrefix.isEmpty() || name.startsWith(metricPrefix + "_") || name.equals(metricPrefix)) {
            return name;
        }
        return metricPrefix + "_" + name;
    }
}
