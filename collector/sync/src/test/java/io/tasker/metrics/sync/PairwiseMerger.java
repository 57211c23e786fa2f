package io.tasker.metrics.sync;

import io.tasker.metrics.snapshot.CounterSnapshot;
import io.tasker.metrics.snapshot.DataPoint;
import io.tasker.metrics.snapshot.GaugePolicy;
import io.tasker.metrics.snapshot.GaugeSnapshot;
import io.tasker.metrics.snapshot.HistogramSnapshot;
import io.tasker.metrics.snapshot.Labels;
import io.tasker.metrics.snapshot.MetricFamilySnapshot;
import io.tasker.metrics.snapshot.QuantileSketch;
import io.tasker.metrics.sync.internal.ViewMerger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The view merge as it was before the accumulators (a new point per pairwise sum, a new sketch
 * per pair): the reference the {@link ViewMerger} must agree with to the bit, on any input.
 */
final class PairwiseMerger {
    static final String INSTANCE_LABEL = ViewMerger.INSTANCE_LABEL;

    private final boolean instanceLabels;
    private final Map<String, Family> families = new TreeMap<>();
    private final List<String> conflicts = new ArrayList<>();

    /** @param instanceLabels keep one gauge series per instance instead of combining them */
    PairwiseMerger(boolean instanceLabels) {
        this.instanceLabels = instanceLabels;
    }

    /** Adds one source's families; {@code instance} names it, for gauges' instance label. */
    PairwiseMerger add(String instance, List<? extends MetricFamilySnapshot> source) {
        for (MetricFamilySnapshot f : source) {
            Family acc = families.computeIfAbsent(f.name(), n -> new Family(f));
            if (!acc.sameShape(f)) {
                conflicts.add("family " + f.name() + " from " + instance + " is a " + describe(f)
                        + ", but the view already has it as a " + describe(acc.first));
                continue;
            }
            acc.add(instance, f);
        }
        return this;
    }

    /** The families added up, sorted by name. */
    public List<MetricFamilySnapshot> result() {
        List<MetricFamilySnapshot> out = new ArrayList<>(families.size());
        for (Family f : families.values()) {
            out.add(f.build());
        }
        return out;
    }

    /** What could not be merged, one sentence each. */
    public List<String> conflicts() {
        return List.copyOf(conflicts);
    }

    private static String describe(MetricFamilySnapshot f) {
        String shape = f.type().word() + " with labels " + f.metadata().labelNames();
        return f instanceof HistogramSnapshot h ? shape + " and buckets " + h.bounds() : shape;
    }

    /** The running sum of one family. */
    private final class Family {
        final MetricFamilySnapshot first;
        final Map<Labels, Object> points = new LinkedHashMap<>();
        long folded;

        Family(MetricFamilySnapshot first) {
            this.first = first;
        }

        boolean sameShape(MetricFamilySnapshot f) {
            if (f.type() != first.type()
                    || !f.metadata().labelNames().equals(first.metadata().labelNames())) {
                return false;
            }
            return !(f instanceof HistogramSnapshot h) || h.bounds().equals(((HistogramSnapshot) first).bounds());
        }

        void add(String instance, MetricFamilySnapshot f) {
            folded += f.foldedObservations();
            if (f instanceof CounterSnapshot c) {
                c.points().forEach(p -> points.merge(p.labels(), p, (a, b) -> sum((CounterSnapshot.Point) a, p)));
            } else if (f instanceof GaugeSnapshot g) {
                for (GaugeSnapshot.Point p : g.points()) {
                    GaugeSnapshot.Point own = instanceLabels && instance != null
                            ? new GaugeSnapshot.Point(
                                    p.labels().with(INSTANCE_LABEL, instance), p.value(), p.updatedAtMillis())
                            : p;
                    points.merge(own.labels(), own, (a, b) -> combine(g.policy(), (GaugeSnapshot.Point) a, own));
                }
            } else {
                for (HistogramSnapshot.Point p : ((HistogramSnapshot) f).points()) {
                    points.merge(p.labels(), p, (a, b) -> sum((HistogramSnapshot.Point) a, p));
                }
            }
        }

        @SuppressWarnings("unchecked")
        MetricFamilySnapshot build() {
            return first.withPoints((List<DataPoint>) (List<?>) new ArrayList<>(points.values()), folded);
        }
    }

    private static CounterSnapshot.Point sum(CounterSnapshot.Point a, CounterSnapshot.Point b) {
        return new CounterSnapshot.Point(
                a.labels(), a.value() + b.value(), Math.max(a.updatedAtMillis(), b.updatedAtMillis()));
    }

    private static GaugeSnapshot.Point combine(GaugePolicy policy, GaugeSnapshot.Point a, GaugeSnapshot.Point b) {
        double v = policy.combine(a.value(), a.updatedAtMillis(), b.value(), b.updatedAtMillis(), false);
        return new GaugeSnapshot.Point(a.labels(), v, Math.max(a.updatedAtMillis(), b.updatedAtMillis()));
    }

    private static HistogramSnapshot.Point sum(HistogramSnapshot.Point a, HistogramSnapshot.Point b) {
        long[] counts = a.cumulativeCounts();
        for (int i = 0; i < counts.length; i++) {
            counts[i] += b.cumulativeCount(i);
        }
        QuantileSketch q = a.quantiles() == null
                ? b.quantiles()
                : b.quantiles() == null ? a.quantiles() : a.quantiles().merge(b.quantiles());
        return new HistogramSnapshot.Point(
                a.labels(), counts, a.sum() + b.sum(), q, Math.max(a.updatedAtMillis(), b.updatedAtMillis()));
    }

    @Override
    public String toString() {
        return "PairwiseMerger" + Objects.toString(families.keySet());
    }
}
