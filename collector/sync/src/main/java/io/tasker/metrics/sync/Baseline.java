package io.tasker.metrics.sync;

import io.tasker.metrics.snapshot.CounterSnapshot;
import io.tasker.metrics.snapshot.HistogramSnapshot;
import io.tasker.metrics.snapshot.Labels;
import io.tasker.metrics.snapshot.MetricFamilySnapshot;
import io.tasker.metrics.snapshot.QuantileSketch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts that are already in the retired totals, to be taken off what this instance writes.
 *
 * <p>An instance that was paused for longer than the instance timeout is taken as stopped and
 * folded into the retired totals. When it wakes up, it must not write those counts again: it
 * carries on under a new id, writing only what it recorded beyond the folded state. Only a state
 * of the same run is ever a baseline ({@link Identity}); subtracting another's throws.
 */
final class Baseline {
    private final Map<String, Map<Labels, Object>> folded = new HashMap<>();

    Baseline(List<MetricFamilySnapshot> families) {
        for (MetricFamilySnapshot f : families) {
            Map<Labels, Object> points = folded.computeIfAbsent(f.name(), n -> new HashMap<>());
            f.points().forEach(p -> points.put(p.labels(), p));
        }
    }

    List<MetricFamilySnapshot> subtractFrom(List<MetricFamilySnapshot> families) {
        List<MetricFamilySnapshot> out = new ArrayList<>(families.size());
        for (MetricFamilySnapshot f : families) {
            Map<Labels, Object> base = folded.get(f.name());
            if (base == null) {
                out.add(f);
            } else if (f instanceof CounterSnapshot c) {
                out.add(new CounterSnapshot(
                        c.metadata(),
                        c.points().stream()
                                .map(p -> minus(p, base.get(p.labels())))
                                .toList(),
                        c.foldedObservations()));
            } else if (f instanceof HistogramSnapshot h) {
                out.add(new HistogramSnapshot(
                        h.metadata(),
                        h.bounds(),
                        h.points().stream()
                                .map(p -> minus(p, base.get(p.labels())))
                                .toList(),
                        h.foldedObservations()));
            } else {
                out.add(f);
            }
        }
        return out;
    }

    private static CounterSnapshot.Point minus(CounterSnapshot.Point p, Object base) {
        if (!(base instanceof CounterSnapshot.Point b)) {
            return p;
        }
        return new CounterSnapshot.Point(p.labels(), Math.max(0, p.value() - b.value()), p.updatedAtMillis());
    }

    private static HistogramSnapshot.Point minus(HistogramSnapshot.Point p, Object base) {
        if (!(base instanceof HistogramSnapshot.Point b) || b.bucketCount() != p.bucketCount()) {
            return p;
        }
        long[] counts = p.cumulativeCounts();
        for (int i = 0; i < counts.length; i++) {
            counts[i] = Math.max(0, counts[i] - b.cumulativeCount(i));
        }
        QuantileSketch q = p.quantiles();
        if (q != null && b.quantiles() != null) {
            q = q.minus(b.quantiles());
        }
        return new HistogramSnapshot.Point(p.labels(), counts, p.sum() - b.sum(), q, p.updatedAtMillis());
    }
}
