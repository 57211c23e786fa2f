package io.tasker.metrics.sync;

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
import io.tasker.metrics.snapshot.QuantileSketch;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The binary form of families in the shared store: compact, versioned, and checked on the way
 * in, so that a corrupt or foreign value under our namespace is refused with a clear error
 * instead of poisoning the cluster view.
 *
 * <p>Layout: {@code "TMS" 2}, family count, then per family its name, help, type, label
 * names, gauge policy or bucket bounds, folded count and series; a series whose label names
 * are the family's writes only its values. Histograms carry cumulative counts, the sum and the
 * quantile sketch in {@link QuantileSketch#encode()}'s form.
 *
 * <p>Version 1 differed only in its sketches (HdrHistogram's compressed encoding); this build
 * still reads it, converting those sketches, so that a rolling upgrade keeps the older
 * instances' quantiles. Older builds refuse version 2 by its number rather than by a sketch.
 */
public final class SnapshotCodec {
    private static final byte[] MAGIC = {'T', 'M', 'S'};
    private static final byte VERSION = 2;
    private static final byte HDR_SKETCHES = 1;
    private static final int MAX_TEXT_BYTES = 65_535;

    private SnapshotCodec() {
    }

    public static byte[] encode(List<? extends MetricFamilySnapshot> families) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + families.size() * 64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            out.writeByte(VERSION);
            out.writeInt(families.size());
            for (MetricFamilySnapshot f : families) {
                writeFamily(out, f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * @throws IllegalArgumentException when the bytes are not a chunk of this format, saying why
     */
    public static List<MetricFamilySnapshot> decode(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            byte[] magic = in.readNBytes(3);
            if (magic.length != 3 || magic[0] != MAGIC[0] || magic[1] != MAGIC[1] || magic[2] != MAGIC[2]) {
                throw new IllegalArgumentException("not a Tasker Metrics chunk (no TMS header)");
            }
            int version = in.readByte();
            if (version != VERSION && version != HDR_SKETCHES) {
                throw new IllegalArgumentException("chunk format version " + version + " is not supported (this build reads "
                        + VERSION + ")");
            }
            int n = count(in, data.length);
            List<MetricFamilySnapshot> families = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                families.add(readFamily(in, data.length));
            }
            if (in.available() != 0) {
                throw new IllegalArgumentException(in.available() + " unexpected bytes after the last family");
            }
            return families;
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated chunk (" + data.length + " bytes): " + e, e);
        } catch (RuntimeException e) {
            if (e instanceof IllegalArgumentException) {
                throw e;
            }
            throw new IllegalArgumentException("corrupt chunk (" + data.length + " bytes): " + e, e);
        }
    }

    private static void writeFamily(DataOutputStream out, MetricFamilySnapshot f) throws IOException {
        MetricMetadata m = f.metadata();
        writeText(out, m.name());
        writeText(out, m.help());
        out.writeByte(m.type().ordinal());
        List<String> names = sortedNames(m.labelNames());
        out.writeInt(names.size());
        for (String name : names) {
            writeText(out, name);
        }
        if (f instanceof GaugeSnapshot g) {
            out.writeByte(g.policy().ordinal());
        } else if (f instanceof HistogramSnapshot h) {
            List<Double> bounds = h.bounds().toList();
            out.writeInt(bounds.size());
            for (double b : bounds) {
                out.writeDouble(b);
            }
        }
        out.writeLong(f.foldedObservations());
        out.writeInt(f.points().size());
        for (DataPoint p : f.points()) {
            writeLabels(out, p.labels(), names);
            out.writeLong(p.updatedAtMillis());
            writeValue(out, p);
        }
    }

    private static void writeLabels(DataOutputStream out, Labels labels, List<String> familyNames) throws IOException {
        boolean same = labels.size() == familyNames.size();
        for (int i = 0; same && i < labels.size(); i++) {
            same = labels.name(i).equals(familyNames.get(i));
        }
        out.writeBoolean(same);
        if (!same) {
            out.writeInt(labels.size());
        }
        for (int i = 0; i < labels.size(); i++) {
            if (!same) {
                writeText(out, labels.name(i));
            }
            writeText(out, labels.value(i));
        }
    }

    /**
     * Writes text in {@code writeUTF}'s form, cut at a character to its 65,535-byte limit: the
     * registry limits values in UTF-8 bytes, but NULs and characters outside the BMP take more
     * bytes in this form, and one such value must not stop the whole sync.
     */
    private static void writeText(DataOutputStream out, String s) throws IOException {
        int bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int size = c >= 1 && c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
            int needed = Character.isHighSurrogate(c) && i + 1 < s.length() ? size + 3 : size;
            if (bytes + needed > MAX_TEXT_BYTES) {
                out.writeUTF(s.substring(0, i));
                return;
            }
            bytes += size;
        }
        out.writeUTF(s);
    }

    private static void writeValue(DataOutputStream out, DataPoint p) throws IOException {
        if (p instanceof CounterSnapshot.Point c) {
            out.writeDouble(c.value());
        } else if (p instanceof GaugeSnapshot.Point g) {
            out.writeDouble(g.value());
        } else {
            HistogramSnapshot.Point h = (HistogramSnapshot.Point) p;
            out.writeInt(h.bucketCount());
            for (int i = 0; i < h.bucketCount(); i++) {
                out.writeLong(h.cumulativeCount(i));
            }
            out.writeDouble(h.sum());
            byte[] sketch = h.quantiles() == null ? new byte[0] : h.quantiles().encode();
            out.writeInt(sketch.length);
            out.write(sketch);
        }
    }

    private static MetricFamilySnapshot readFamily(DataInputStream in, int limit) throws IOException {
        String name = in.readUTF();
        String help = in.readUTF();
        MetricType type = enumAt(MetricType.values(), in.readByte(), "metric type");
        int labelCount = count(in, limit);
        String[] names = new String[labelCount];
        for (int i = 0; i < labelCount; i++) {
            names[i] = in.readUTF();
        }
        MetricMetadata meta = new MetricMetadata(name, help, type, List.of(names));
        return switch (type) {
            case COUNTER -> readCounter(in, meta, names, limit);
            case GAUGE -> readGauge(in, meta, names, limit);
            case HISTOGRAM -> readHistogram(in, meta, names, limit);
        };
    }

    private static CounterSnapshot readCounter(DataInputStream in, MetricMetadata meta, String[] names, int limit)
            throws IOException {
        long folded = in.readLong();
        int n = count(in, limit);
        List<CounterSnapshot.Point> points = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Labels labels = readLabels(in, names, limit);
            long updated = in.readLong();
            points.add(new CounterSnapshot.Point(labels, in.readDouble(), updated));
        }
        return new CounterSnapshot(meta, points, folded);
    }

    private static GaugeSnapshot readGauge(DataInputStream in, MetricMetadata meta, String[] names, int limit)
            throws IOException {
        GaugePolicy policy = enumAt(GaugePolicy.values(), in.readByte(), "gauge policy");
        long folded = in.readLong();
        int n = count(in, limit);
        List<GaugeSnapshot.Point> points = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Labels labels = readLabels(in, names, limit);
            long updated = in.readLong();
            points.add(new GaugeSnapshot.Point(labels, in.readDouble(), updated));
        }
        return new GaugeSnapshot(meta, policy, points, folded);
    }

    private static HistogramSnapshot readHistogram(DataInputStream in, MetricMetadata meta, String[] names, int limit)
            throws IOException {
        double[] bounds = new double[count(in, limit)];
        for (int i = 0; i < bounds.length; i++) {
            bounds[i] = in.readDouble();
        }
        BucketBounds bucketBounds = BucketBounds.of(bounds);
        long folded = in.readLong();
        int n = count(in, limit);
        List<HistogramSnapshot.Point> points = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Labels labels = readLabels(in, names, limit);
            long updated = in.readLong();
            long[] counts = new long[count(in, limit)];
            for (int b = 0; b < counts.length; b++) {
                counts[b] = in.readLong();
            }
            double sum = in.readDouble();
            byte[] sketch = in.readNBytes(count(in, limit));
            QuantileSketch q = sketch.length == 0 ? null
                    : HdrSketches.isOne(sketch) ? HdrSketches.convert(sketch) : QuantileSketch.decode(sketch);
            points.add(new HistogramSnapshot.Point(labels, counts, sum, q, updated));
        }
        return new HistogramSnapshot(meta, bucketBounds, points, folded);
    }

    private static Labels readLabels(DataInputStream in, String[] familyNames, int limit) throws IOException {
        boolean same = in.readBoolean();
        String[] names = same ? familyNames : new String[count(in, limit)];
        String[] values = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            if (!same) {
                names[i] = in.readUTF();
            }
            values[i] = in.readUTF();
        }
        return same ? Labels.ofSorted(names, values) : Labels.of(interleave(names, values));
    }

    private static String[] interleave(String[] names, String[] values) {
        String[] pairs = new String[names.length * 2];
        for (int i = 0; i < names.length; i++) {
            pairs[2 * i] = names[i];
            pairs[2 * i + 1] = values[i];
        }
        return pairs;
    }

    private static List<String> sortedNames(List<String> names) {
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(null);
        return sorted;
    }

    /** A count read from the input, checked against what the input could possibly hold. */
    private static int count(DataInputStream in, int limit) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > limit) {
            throw new IllegalArgumentException("impossible count " + n + " in a chunk of " + limit + " bytes");
        }
        return n;
    }

    private static <E> E enumAt(E[] values, int ordinal, String what) {
        if (ordinal < 0 || ordinal >= values.length) {
            throw new IllegalArgumentException("unknown " + what + " " + ordinal);
        }
        return values[ordinal];
    }
}
