package io.tasker.metrics.sync.internal;

import io.tasker.metrics.snapshot.CounterSnapshot;
import io.tasker.metrics.snapshot.DataPoint;
import io.tasker.metrics.snapshot.GaugeSnapshot;
import io.tasker.metrics.snapshot.HistogramSnapshot;
import io.tasker.metrics.snapshot.Labels;
import io.tasker.metrics.snapshot.MetricFamilySnapshot;
import io.tasker.metrics.snapshot.MetricMetadata;
import java.io.ByteArrayOutputStream;
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
 * quantile sketch in {@link io.tasker.metrics.snapshot.QuantileSketch#encode()}'s form.
 *
 * <p>Version 1, which only pre-release builds wrote, held HdrHistogram's sketches; it is refused
 * by its number like any unknown version (its writer's next sync replaces it), so that no
 * instance needs HdrHistogram on its class path.
 */
public final class SnapshotCodec {
    private static final byte[] MAGIC = {'T', 'M', 'S'};
    private static final byte VERSION = 2;
    private static final int MAX_TEXT_BYTES = 65_535;

    private SnapshotCodec() {}

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
        DecodedChunk chunk = new DecodedChunk();
        chunk.read(data);
        return chunk.toFamilies();
    }

    /** Reads and checks the magic and the version. */
    public static void checkHeader(ChunkInput in) {
        for (byte m : MAGIC) {
            if (in.remaining() == 0 || in.readByte() != m) {
                throw new IllegalArgumentException("not a Tasker Metrics chunk (no TMS header)");
            }
        }
        int version = in.readByte();
        if (version != VERSION) {
            throw new IllegalArgumentException(
                    "chunk format version " + version + " is not supported (this build reads " + VERSION + ")");
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

    private static List<String> sortedNames(List<String> names) {
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(null);
        return sorted;
    }
}
