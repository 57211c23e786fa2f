package io.tasker.metrics.sync.internal;

import io.tasker.metrics.snapshot.BucketBounds;
import io.tasker.metrics.snapshot.CounterSnapshot;
import io.tasker.metrics.snapshot.GaugePolicy;
import io.tasker.metrics.snapshot.GaugeSnapshot;
import io.tasker.metrics.snapshot.HistogramSnapshot;
import io.tasker.metrics.snapshot.Labels;
import io.tasker.metrics.snapshot.MetricFamilySnapshot;
import io.tasker.metrics.snapshot.MetricMetadata;
import io.tasker.metrics.snapshot.MetricType;
import io.tasker.metrics.snapshot.QuantileSketch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One chunk ({@link SnapshotCodec}'s layout) decoded into columns that are reused from chunk to
 * chunk: the family headers as objects, the counter and gauge points as primitive arrays whose
 * labels stay byte ranges of the chunk, the few histogram points as objects.
 *
 * <p>Why: a view read of 500 instances decodes a million points. As snapshot objects (labels,
 * strings, points) they cost about 200 bytes each, only to be added up and dropped; as columns
 * they cost nothing, and the {@link ViewMerger} decodes a series' labels once, the first time it
 * meets the series. The whole chunk is checked while it is read, so that a chunk is added to a
 * view entirely or not at all.
 */
public final class DecodedChunk {
    private static final int INITIAL_POINTS = 1024;

    /** A family's header and the range of its points. */
    public record Family(
            MetricMetadata metadata,
            String[] labelNames,
            GaugePolicy policy,
            BucketBounds bounds,
            long folded,
            int from,
            int to) {
        MetricType type() {
            return metadata.type();
        }
    }

    private byte[] data = new byte[0];
    private final List<Family> families = new ArrayList<>();
    private int size;
    private int[] labelFrom = new int[INITIAL_POINTS];
    private int[] labelTo = new int[INITIAL_POINTS];
    private long[] updated = new long[INITIAL_POINTS];
    private double[] values = new double[INITIAL_POINTS];
    private HistogramSnapshot.Point[] histograms = new HistogramSnapshot.Point[INITIAL_POINTS];

    /**
     * Decodes a chunk, replacing what this held.
     *
     * @throws IllegalArgumentException when the bytes are not a chunk of this format, saying why
     */
    public void read(byte[] chunk) {
        clear();
        data = chunk;
        try {
            ChunkInput in = new ChunkInput(chunk, 0);
            SnapshotCodec.checkHeader(in);
            int n = in.readCount();
            for (int i = 0; i < n; i++) {
                readFamily(in);
            }
            if (in.remaining() != 0) {
                throw new IllegalArgumentException(in.remaining() + " unexpected bytes after the last family");
            }
        } catch (IllegalArgumentException e) {
            clear();
            throw e;
        } catch (RuntimeException e) {
            clear();
            throw new IllegalArgumentException("corrupt chunk (" + chunk.length + " bytes): " + e, e);
        }
    }

    public List<Family> families() {
        return families;
    }

    public byte[] data() {
        return data;
    }

    /** Where point {@code p}'s encoded labels begin in {@link #data()}. */
    public int labelFrom(int p) {
        return labelFrom[p];
    }

    public int labelTo(int p) {
        return labelTo[p];
    }

    public long updated(int p) {
        return updated[p];
    }

    /** A counter's or gauge's value. */
    public double value(int p) {
        return values[p];
    }

    public HistogramSnapshot.Point histogram(int p) {
        return histograms[p];
    }

    /** Point {@code p}'s labels, decoded. */
    public Labels labels(int p, Family f) {
        return labelsAt(labelFrom[p], f.labelNames());
    }

    /** The chunk as snapshot objects, as {@link SnapshotCodec#decode} gives it. */
    public List<MetricFamilySnapshot> toFamilies() {
        List<MetricFamilySnapshot> out = new ArrayList<>(families.size());
        for (Family f : families) {
            out.add(
                    switch (f.type()) {
                        case COUNTER -> new CounterSnapshot(f.metadata(), counterPoints(f), f.folded());
                        case GAUGE -> new GaugeSnapshot(f.metadata(), f.policy(), gaugePoints(f), f.folded());
                        case HISTOGRAM ->
                            new HistogramSnapshot(
                                    f.metadata(),
                                    f.bounds(),
                                    Arrays.asList(histograms).subList(f.from(), f.to()),
                                    f.folded());
                    });
        }
        return out;
    }

    private List<CounterSnapshot.Point> counterPoints(Family f) {
        List<CounterSnapshot.Point> points = new ArrayList<>(f.to() - f.from());
        for (int p = f.from(); p < f.to(); p++) {
            points.add(new CounterSnapshot.Point(labels(p, f), values[p], updated[p]));
        }
        return points;
    }

    private List<GaugeSnapshot.Point> gaugePoints(Family f) {
        List<GaugeSnapshot.Point> points = new ArrayList<>(f.to() - f.from());
        for (int p = f.from(); p < f.to(); p++) {
            points.add(new GaugeSnapshot.Point(labels(p, f), values[p], updated[p]));
        }
        return points;
    }

    private void readFamily(ChunkInput in) {
        String name = in.readText();
        String help = in.readText();
        MetricType type = enumAt(MetricType.values(), in.readByte(), "metric type");
        String[] names = new String[in.readCount()];
        for (int i = 0; i < names.length; i++) {
            names[i] = in.readText();
        }
        MetricMetadata meta = new MetricMetadata(name, help, type, List.of(names));
        GaugePolicy policy =
                type == MetricType.GAUGE ? enumAt(GaugePolicy.values(), in.readByte(), "gauge policy") : null;
        BucketBounds bounds = type == MetricType.HISTOGRAM ? readBounds(in) : null;
        long folded = in.readLong();
        int n = in.readCount();
        int from = size;
        for (int i = 0; i < n; i++) {
            readPoint(in, meta, names, bounds);
        }
        families.add(new Family(meta, names, policy, bounds, folded, from, size));
    }

    private void readPoint(ChunkInput in, MetricMetadata meta, String[] names, BucketBounds bounds) {
        ensureCapacity();
        int p = size;
        labelFrom[p] = in.position();
        Labels decoded = skipLabels(in, names);
        labelTo[p] = in.position();
        updated[p] = in.readLong();
        if (meta.type() == MetricType.HISTOGRAM) {
            Labels labels = decoded != null ? decoded : labelsAt(labelFrom[p], names);
            histograms[p] = readHistogram(in, meta, labels, updated[p], bounds);
        } else {
            values[p] = in.readDouble();
            if (meta.type() == MetricType.COUNTER && (!(values[p] >= 0) || Double.isInfinite(values[p]))) {
                throw new IllegalArgumentException(
                        "counter " + meta.name() + " has the value " + values[p] + "; a counter's is finite and >= 0");
            }
        }
        size++;
    }

    /**
     * Passes over a point's labels, checking them. Labels that are the family's names (nearly
     * all) are left as bytes; others are decoded, which checks them, and returned.
     */
    private Labels skipLabels(ChunkInput in, String[] names) {
        int start = in.position();
        if (in.readBoolean()) {
            for (int i = 0; i < names.length; i++) {
                in.skipText();
            }
            return null;
        }
        Labels labels = labelsAt(start, names);
        int n = in.readCount();
        for (int i = 0; i < 2 * n; i++) {
            in.skipText();
        }
        return labels;
    }

    private Labels labelsAt(int position, String[] familyNames) {
        ChunkInput in = new ChunkInput(data, position);
        boolean same = in.readBoolean();
        String[] names = same ? familyNames : new String[in.readCount()];
        String[] values = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            if (!same) {
                names[i] = in.readText();
            }
            values[i] = in.readText();
        }
        return same ? Labels.ofSorted(names, values) : Labels.of(interleave(names, values));
    }

    private static HistogramSnapshot.Point readHistogram(
            ChunkInput in, MetricMetadata meta, Labels labels, long updated, BucketBounds bounds) {
        long[] counts = new long[in.readCount()];
        for (int b = 0; b < counts.length; b++) {
            counts[b] = in.readLong();
        }
        double sum = in.readDouble();
        byte[] sketch = in.readBytes(in.readCount());
        QuantileSketch q = sketch.length == 0 ? null : QuantileSketch.decode(sketch);
        if (counts.length != bounds.bucketCount()) {
            throw new IllegalArgumentException("Histogram " + meta.name() + " series " + labels + " has "
                    + counts.length + " buckets, the family " + bounds.bucketCount());
        }
        return new HistogramSnapshot.Point(labels, counts, sum, q, updated);
    }

    private static BucketBounds readBounds(ChunkInput in) {
        double[] bounds = new double[in.readCount()];
        for (int i = 0; i < bounds.length; i++) {
            bounds[i] = in.readDouble();
        }
        return BucketBounds.of(bounds);
    }

    private void ensureCapacity() {
        if (size == labelFrom.length) {
            int n = 2 * size;
            labelFrom = Arrays.copyOf(labelFrom, n);
            labelTo = Arrays.copyOf(labelTo, n);
            updated = Arrays.copyOf(updated, n);
            values = Arrays.copyOf(values, n);
            histograms = Arrays.copyOf(histograms, n);
        }
    }

    /** Forgets the last chunk, and lets go of its histogram points. */
    private void clear() {
        Arrays.fill(histograms, 0, size, null);
        families.clear();
        size = 0;
        data = new byte[0];
    }

    private static String[] interleave(String[] names, String[] values) {
        String[] pairs = new String[names.length * 2];
        for (int i = 0; i < names.length; i++) {
            pairs[2 * i] = names[i];
            pairs[2 * i + 1] = values[i];
        }
        return pairs;
    }

    private static <E> E enumAt(E[] values, int ordinal, String what) {
        if (ordinal < 0 || ordinal >= values.length) {
            throw new IllegalArgumentException("unknown " + what + " " + ordinal);
        }
        return values[ordinal];
    }
}
