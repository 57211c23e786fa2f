package io.tasker.metrics.snapshot;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Every family of a registry (or of the cluster view) at one moment, sorted by name.
 *
 * <pre>{@code
 * MetricsSnapshot snapshot = registry.snapshot();
 * new PrometheusTextWriter().write(out, snapshot);
 * }</pre>
 */
public record MetricsSnapshot(Instant timestamp, List<MetricFamilySnapshot> families) {
    /** Requires a timestamp and copies the families, so that the snapshot stays immutable. */
    public MetricsSnapshot {
        Objects.requireNonNull(timestamp, "timestamp");
        families = List.copyOf(families);
    }

    /** A snapshot with no family, taken at {@code timestamp}. */
    public static MetricsSnapshot empty(Instant timestamp) {
        return new MetricsSnapshot(timestamp, List.of());
    }

    /** The family of that base name (a counter's without {@code _total}). */
    public Optional<MetricFamilySnapshot> family(String name) {
        return families.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** The number of series over all families. */
    public int seriesCount() {
        int n = 0;
        for (MetricFamilySnapshot f : families) {
            n += f.points().size();
        }
        return n;
    }
}
