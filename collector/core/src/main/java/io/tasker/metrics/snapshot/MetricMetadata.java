package io.tasker.metrics.snapshot;

import java.util.List;
import java.util.Objects;

/**
 * What a family is, apart from its data: its base name (a counter's without {@code _total}),
 * help text, type and label names in definition order.
 *
 * @param name the base name, prefix included
 * @param help the help text; empty when none
 * @param type counter, gauge or histogram
 * @param labelNames the label names in definition order
 */
public record MetricMetadata(String name, String help, MetricType type, List<String> labelNames) {
    /**
     * Turns a null help into an empty one and copies the label names.
     *
     * @param name the base name; not null
     * @param help the help text, or null for none
     * @param type the type; not null
     * @param labelNames the label names in definition order
     */
    public MetricMetadata {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        help = help == null ? "" : help;
        labelNames = List.copyOf(labelNames);
    }
}
