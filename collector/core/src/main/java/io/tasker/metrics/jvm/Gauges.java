package io.tasker.metrics.jvm;

import io.tasker.metrics.Gauge;
import io.tasker.metrics.MetricRegistry;

/** Defines the gauges of this package: no prefix, the default policy. */
final class Gauges {
    private Gauges() {}

    static Gauge of(MetricRegistry registry, String name, String help, String... labelNames) {
        return Gauge.builder(name)
                .withoutPrefix()
                .help(help)
                .labelNames(labelNames)
                .register(registry);
    }
}
