package io.tasker.metrics.sync.internal;

import io.tasker.metrics.snapshot.DataPoint;
import io.tasker.metrics.snapshot.MetricFamilySnapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * Cutting families into chunks of at most so many series, in order: how the retired totals are
 * written, and how tools (the sync benchmark) size what a sync writes.
 */
public final class Chunking {
    private Chunking() {}

    /** Cuts families into chunks of at most {@code size} series; a family's folded count stays with its first part. */
    public static List<List<MetricFamilySnapshot>> split(List<MetricFamilySnapshot> families, int size) {
        List<List<MetricFamilySnapshot>> chunks = new ArrayList<>();
        List<MetricFamilySnapshot> current = new ArrayList<>();
        int filled = 0;
        for (MetricFamilySnapshot f : families) {
            List<? extends DataPoint> points = f.points();
            for (int from = 0; from < points.size(); ) {
                int take = Math.min(size - filled, points.size() - from);
                current.add(f.withPoints(points.subList(from, from + take), from == 0 ? f.foldedObservations() : 0));
                from += take;
                filled += take;
                if (filled == size) {
                    chunks.add(current);
                    current = new ArrayList<>();
                    filled = 0;
                }
            }
        }
        if (!current.isEmpty()) {
            chunks.add(current);
        }
        return chunks;
    }
}
