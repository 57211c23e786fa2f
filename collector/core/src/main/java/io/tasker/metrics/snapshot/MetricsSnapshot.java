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
 *
 * @param timestamp when the snapshot was taken
 * @param families the families, sorted by name
 */
public record MetricsSnapshot(Instant timestamp, List<MetricFamilySnapshot> families) {
    /**
     * Copies the family list.
     *
     * @param timestamp when the snapshot was taken; not null
     * @param families the families, sorted by name
     */
    public MetricsSnapshot {
        Objects.requireNonNull(timestamp, "timestamp");
        families = List.copyOf(families);
    }

    /**
     * A snapshot without families.
     *
     * @param timestamp when the snapshot was taken
     * @return the empty snapshot
     */
    public static MetricsSnapshot empty(Instant timestamp) {
        return new MetricsSnapshot(timestamp, List.of());
    }

    /**
     * The family of that base name (a counter's without {@code _total}).
     *
     * @param name the base name, prefix included
     * @return the family, or empty when there is none of that name
     */
    public Optional<MetricFamilySnapshot> family(String name) {
        return families.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /**
     * The number of series over all families.
     *
     * @return the sum of every family's point count
     */
    public int seriesCount() {
        int n = 0;
        for (MetricFamilySnapshot f : families) {
            n += f.points().size();
        }
        return n;
    }
}
