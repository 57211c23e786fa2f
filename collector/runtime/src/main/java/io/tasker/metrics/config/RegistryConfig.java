package io.tasker.metrics.config;

import io.tasker.metrics.Clock;
import io.tasker.metrics.RegistryOptions;

/**
 * What the metric registry reads: the name prefix and the limits on series and label values.
 *
 * <pre>{@code
 * MetricRegistry registry = new MetricRegistry(config.registry().options(Clock.SYSTEM));
 * }</pre>
 *
 * @param metricPrefix {@code telemetry.prometheus.metric_prefix}, empty for none
 * @param cardinalityLimit {@code telemetry.cardinality_limit}
 * @param maxLabelValueLength {@code telemetry.max_label_value_length}
 */
public record RegistryConfig(String metricPrefix, int cardinalityLimit, int maxLabelValueLength) {
    /**
     * The registry options these settings give.
     *
     * @param clock the registry's time source
     * @return the options
     * @throws IllegalArgumentException for a value the registry refuses (the loader has checked them)
     */
    public RegistryOptions options(Clock clock) {
        return RegistryOptions.defaults()
                .withMetricPrefix(metricPrefix)
                .withMaxSeriesPerMetric(cardinalityLimit)
                .withMaxLabelValueLength(maxLabelValueLength)
                .withClock(clock);
    }
}
