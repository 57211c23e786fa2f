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
public record RegistryOptions(String metricPrefix, int maxSeriesPerMetric, int maxLabelValueLength,
                              Clock clock) {
    /** The default metric prefix. */
    public static final String DEFAULT_PREFIX = "tasker";
    /**
     * The default number of label combinations a metric keeps before folding new ones into its overflow
     * series.
     */
    public static final int DEFAULT_MAX_SERIES = 10_000;
    /** The default label value length limit, in UTF-8 bytes. */
    public static final int DEFAULT_MAX_LABEL_VALUE_LENGTH = 1_024;

    /** Checks the prefix is a valid metric name start and the limits are at least 1. */
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
     * The defaults: prefix {@code tasker}, 10,000 series per metric, 1,024-byte label values, the system
     * clock.
     */
    public static RegistryOptions defaults() {
        return new RegistryOptions(DEFAULT_PREFIX, DEFAULT_MAX_SERIES, DEFAULT_MAX_LABEL_VALUE_LENGTH, Clock.SYSTEM);
    }

    /** These options with another prefix ({@code ""} for none). */
    public RegistryOptions withMetricPrefix(String prefix) {
        return new RegistryOptions(prefix, maxSeriesPerMetric, maxLabelValueLength, clock);
    }

    /** These options with another cardinality limit per metric. */
    public RegistryOptions withMaxSeriesPerMetric(int max) {
        return new RegistryOptions(metricPrefix, max, maxLabelValueLength, clock);
    }

    /** These options with another label value length limit, in UTF-8 bytes. */
    public RegistryOptions withMaxLabelValueLength(int max) {
        return new RegistryOptions(metricPrefix, maxSeriesPerMetric, max, clock);
    }

    /** These options with another clock, a {@link ManualClock} in tests. */
    public RegistryOptions withClock(Clock c) {
        return new RegistryOptions(metricPrefix, maxSeriesPerMetric, maxLabelValueLength, c);
    }

    /** The name under which {@code name} is exposed: the prefix put in front once. */
    public String prefixed(String name) {
        if (metricPrefix.isEmpty() || name.startsWith(metricPrefix + "_") || name.equals(metricPrefix)) {
            return name;
        }
        return metricPrefix + "_" + name;
    }
}
