package io.tasker.metrics.snapshot;

import java.util.List;
import java.util.Objects;

/**
 * What a family is, apart from its data: its base name (a counter's without {@code _total}),
 * help text, type and label names in definition order.
 */
public record MetricMetadata(String name, String help, MetricType type, List<String> labelNames) {
    /** Requires a name and a type; a null help text becomes empty; copies the label names. */
    public MetricMetadata {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        help = help == null ? "" : help;
        labelNames = List.copyOf(labelNames);
    }
}
