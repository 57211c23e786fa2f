package io.tasker.metrics.sync;

import io.tasker.metrics.snapshot.CounterSnapshot;
import io.tasker.metrics.snapshot.DataPoint;
import io.tasker.metrics.snapshot.GaugeSnapshot;
import io.tasker.metrics.snapshot.HistogramSnapshot;
import io.tasker.metrics.snapshot.Labels;
import io.tasker.metrics.snapshot.MetricFamilySnapshot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which chunk each of an instance's series goes to, and when each last changed.
 *
 * <p>A series keeps its chunk for the life of the instance (new series fill the last chunk, then
 * open a new one), so that a chunk's key always holds the same series and a rewrite of it is a
 * plain overwrite. Change times are stamped here, at sync, by comparing values with the last
 * sync: that costs the hot path nothing, at the price of a sync interval's resolution.
 */
final class ChunkPlan {
    private final int batchSize;
    private final Map<SeriesKey, Integer> chunkOf = new HashMap<>();
    private final Map<SeriesKey, Stamp> stamps = new HashMap<>();
    private final List<Integer> chunkSizes = new ArrayList<>();

    ChunkPlan(int batchSize) {
        this.batchSize = batchSize;
    }

    private record SeriesKey(String family, Labels labels) {}

    private record Stamp(Object values, long updatedAt) {}

    /** The families of each chunk, with change times stamped, and how many series changed. */
    record Chunks(List<List<MetricFamilySnapshot>> chunks, int series, int changed) {}

    Chunks split(List<MetricFamilySnapshot> families, long now) {
        List<Map<String, FamilyPart>> parts = new ArrayList<>();
        Set<String> foldedCarried = new HashSet<>();
        int series = 0;
        int changed = 0;
        for (MetricFamilySnapshot f : families) {
            for (DataPoint p : f.points()) {
                SeriesKey key = new SeriesKey(f.name(), p.labels());
                Object values = valuesOf(p);
                Stamp old = stamps.get(key);
                boolean same = old != null && valuesEqual(old.values, values);
                // A change within the same millisecond as the last one (or under a clock that
                // stands still) still moves the change time forward, so that it counts as a change.
                long updated = same ? old.updatedAt : old == null ? now : Math.max(now, old.updatedAt + 1);
                if (!same) {
                    stamps.put(key, new Stamp(values, updated));
                    changed++;
                }
                int chunk = chunkOf.computeIfAbsent(key, k -> assign());
                while (parts.size() <= chunk) {
                    parts.add(new LinkedHashMap<>());
                }
                // A family's folded count rides with its first part only, or the view would add it up twice.
                parts.get(chunk)
                        .computeIfAbsent(f.name(), n -> new FamilyPart(f, foldedCarried.add(n)))
                        .points
                        .add(stamped(p, updated));
                series++;
            }
        }
        while (parts.size() < chunkSizes.size()) {
            parts.add(new LinkedHashMap<>());
        }
        List<List<MetricFamilySnapshot>> chunks = new ArrayList<>(parts.size());
        for (Map<String, FamilyPart> part : parts) {
            chunks.add(part.values().stream().map(FamilyPart::build).toList());
        }
        return new Chunks(chunks, series, changed);
    }

    private int assign() {
        int last = chunkSizes.size() - 1;
        if (last < 0 || chunkSizes.get(last) >= batchSize) {
            chunkSizes.add(0);
            last++;
        }
        chunkSizes.set(last, chunkSizes.get(last) + 1);
        return last;
    }

    private static Object valuesOf(DataPoint p) {
        if (p instanceof CounterSnapshot.Point c) {
            return c.value();
        }
        if (p instanceof GaugeSnapshot.Point g) {
            return g.value();
        }
        HistogramSnapshot.Point h = (HistogramSnapshot.Point) p;
        long[] counts = h.cumulativeCounts();
        long[] withSum = Arrays.copyOf(counts, counts.length + 1);
        withSum[counts.length] = Double.doubleToLongBits(h.sum());
        return withSum;
    }

    private static boolean valuesEqual(Object a, Object b) {
        return a instanceof long[] x && b instanceof long[] y ? Arrays.equals(x, y) : a.equals(b);
    }

    /** The point with another time of last change; tests stamp points with it too. */
    static DataPoint stamped(DataPoint p, long updated) {
        if (p instanceof CounterSnapshot.Point c) {
            return new CounterSnapshot.Point(c.labels(), c.value(), updated);
        }
        if (p instanceof GaugeSnapshot.Point g) {
            return new GaugeSnapshot.Point(g.labels(), g.value(), updated);
        }
        HistogramSnapshot.Point h = (HistogramSnapshot.Point) p;
        return new HistogramSnapshot.Point(h.labels(), h.cumulativeCounts(), h.sum(), h.quantiles(), updated);
    }

    /** The series of one family that fall into one chunk. */
    private static final class FamilyPart {
        final MetricFamilySnapshot family;
        final long folded;
        final List<DataPoint> points = new ArrayList<>();

        FamilyPart(MetricFamilySnapshot family, boolean carriesFolded) {
            this.family = family;
            this.folded = carriesFolded ? family.foldedObservations() : 0;
        }

        MetricFamilySnapshot build() {
            return family.withPoints(points, folded);
        }
    }
}
