package io.tasker.metrics.sync.internal;

import io.tasker.metrics.snapshot.BucketBounds;
import io.tasker.metrics.snapshot.CounterSnapshot;
import io.tasker.metrics.snapshot.DataPoint;
import io.tasker.metrics.snapshot.GaugePolicy;
import io.tasker.metrics.snapshot.GaugeSnapshot;
import io.tasker.metrics.snapshot.HistogramSnapshot;
import io.tasker.metrics.snapshot.Labels;
import io.tasker.metrics.snapshot.MetricFamilySnapshot;
import io.tasker.metrics.snapshot.MetricMetadata;
import io.tasker.metrics.snapshot.MetricType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Adds up the families of many instances into one cluster view: counters and histograms sum
 * (every bucket, the sum, the count, and the quantile sketches merged), gauges combine by their
 * policy or stay apart with an {@code instance} label.
 *
 * <p>A family that one source defines differently from another (another type, other labels or
 * buckets) cannot be added: the first definition seen wins, the other is left out and counted
 * in {@link #conflicts()}, so one misconfigured instance never breaks the view.
 *
 * <p>Each series is a mutable running total ({@link MergedSeries}), found once per point by its
 * labels, and made into a snapshot point once, by {@link #result()}: adding an instance
 * allocates nothing per point, and N sketches are merged into one accumulator instead of
 * N - 1 intermediate sketches. Decoded chunks ({@link #add(String, DecodedChunk)}) find their
 * series by the bytes of the labels, without decoding them.
 */
public final class ViewMerger {
    /** The label that keeps instances' gauges apart when {@code include_instance_labels} is on. */
    public static final String INSTANCE_LABEL = "instance";

    private final boolean instanceLabels;
    private final Map<String, Family> families = new TreeMap<>();
    private final List<String> conflicts = new ArrayList<>();
    private final Map<String, Integer> instanceOwners = new HashMap<>();

    /** @param instanceLabels keep one gauge series per instance instead of combining them */
    public ViewMerger(boolean instanceLabels) {
        this.instanceLabels = instanceLabels;
    }

    /** Adds one source's families; {@code instance} names it, for gauges' instance label. */
    public ViewMerger add(String instance, List<? extends MetricFamilySnapshot> source) {
        for (MetricFamilySnapshot f : source) {
            Family acc = family(instance, Shape.of(f));
            if (acc != null) {
                acc.add(instance, f);
            }
        }
        return this;
    }

    /** Adds one decoded chunk of an instance, as {@link #add(String, List)} adds its families. */
    public ViewMerger add(String instance, DecodedChunk chunk) {
        for (DecodedChunk.Family f : chunk.families()) {
            Family acc = family(instance, new Shape(f.metadata(), f.policy(), f.bounds()));
            if (acc != null) {
                acc.add(instance, chunk, f);
            }
        }
        return this;
    }

    /** Whether a family of this name has this series in what was added so far. */
    public boolean hasSeries(String family, Labels labels) {
        Family f = families.get(family);
        return f != null && f.series.containsKey(labels);
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

    /** The running sum of this family, or null (and a conflict) when the source defines it differently. */
    private Family family(String instance, Shape shape) {
        Family acc = families.computeIfAbsent(shape.metadata().name(), n -> new Family(shape));
        if (!acc.shape.sameAs(shape)) {
            conflicts.add("family " + shape.metadata().name() + " from " + instance + " is a " + shape.describe()
                    + ", but the view already has it as a " + acc.shape.describe());
            return null;
        }
        return acc;
    }

    /** What two sources must agree on to be added up, and what the merged family is built from. */
    private record Shape(MetricMetadata metadata, GaugePolicy policy, BucketBounds bounds) {
        static Shape of(MetricFamilySnapshot f) {
            return new Shape(
                    f.metadata(),
                    f instanceof GaugeSnapshot g ? g.policy() : null,
                    f instanceof HistogramSnapshot h ? h.bounds() : null);
        }

        MetricType type() {
            return metadata.type();
        }

        boolean sameAs(Shape other) {
            return type() == other.type()
                    && metadata.labelNames().equals(other.metadata.labelNames())
                    && Objects.equals(bounds, other.bounds);
        }

        String describe() {
            String shape = type().word() + " with labels " + metadata.labelNames();
            return bounds != null ? shape + " and buckets " + bounds : shape;
        }
    }

    /** The running sums of one family's series, in the order they were first seen. */
    private final class Family {
        final Shape shape;
        final Map<Labels, MergedSeries> series = new LinkedHashMap<>();
        final SliceIndex<MergedSeries> encoded = new SliceIndex<>();
        long folded;

        Family(Shape shape) {
            this.shape = shape;
        }

        void add(String instance, MetricFamilySnapshot f) {
            folded += f.foldedObservations();
            GaugePolicy policy = shape.type() == MetricType.GAUGE ? ((GaugeSnapshot) f).policy() : null;
            for (DataPoint p : f.points()) {
                MergedSeries s = series(ownLabels(instance, p.labels()));
                if (p instanceof CounterSnapshot.Point c) {
                    s.add(c.value(), c.updatedAtMillis(), null);
                } else if (p instanceof GaugeSnapshot.Point g) {
                    s.add(g.value(), g.updatedAtMillis(), policy);
                } else {
                    s.add((HistogramSnapshot.Point) p);
                }
            }
        }

        void add(String instance, DecodedChunk chunk, DecodedChunk.Family f) {
            folded += f.folded();
            int owner =
                    ownsGauges(instance) ? instanceOwners.computeIfAbsent(instance, i -> instanceOwners.size()) : -1;
            for (int p = f.from(); p < f.to(); p++) {
                MergedSeries s = encoded.get(chunk.data(), chunk.labelFrom(p), chunk.labelTo(p), owner);
                if (s == null) {
                    s = series(ownLabels(instance, chunk.labels(p, f)));
                    encoded.put(chunk.data(), chunk.labelFrom(p), chunk.labelTo(p), owner, s);
                }
                if (shape.type() == MetricType.HISTOGRAM) {
                    s.add(chunk.histogram(p));
                } else {
                    s.add(chunk.value(p), chunk.updated(p), f.policy());
                }
            }
        }

        /** Gauges of one instance are series of their own when they carry its instance label. */
        private boolean ownsGauges(String instance) {
            return instanceLabels && instance != null && shape.type() == MetricType.GAUGE;
        }

        private Labels ownLabels(String instance, Labels labels) {
            return ownsGauges(instance) ? labels.with(INSTANCE_LABEL, instance) : labels;
        }

        private MergedSeries series(Labels labels) {
            return series.computeIfAbsent(labels, MergedSeries::new);
        }

        MetricFamilySnapshot build() {
            List<DataPoint> points = new ArrayList<>(series.size());
            for (MergedSeries s : series.values()) {
                points.add(s.point(shape.type()));
            }
            return switch (shape.type()) {
                case COUNTER -> new CounterSnapshot(shape.metadata(), cast(points), folded);
                case GAUGE -> new GaugeSnapshot(shape.metadata(), shape.policy(), cast(points), folded);
                case HISTOGRAM -> new HistogramSnapshot(shape.metadata(), shape.bounds(), cast(points), folded);
            };
        }
    }

    /** Points that {@link MergedSeries#point} made of the family's type. */
    @SuppressWarnings("unchecked")
    private static <P> List<P> cast(List<DataPoint> points) {
        return (List<P>) (List<?>) points;
    }

    @Override
    public String toString() {
        return "ViewMerger" + Objects.toString(families.keySet());
    }
}
