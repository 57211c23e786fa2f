package io.tasker.metrics.export.remote.internal;

import io.tasker.metrics.snapshot.Labels;
import java.nio.charset.StandardCharsets;

/**
 * One point's labels, UTF-8 encoded once for all the series the point writes (a histogram
 * point writes a dozen), with the positions where {@code __name__} and {@code le} go so that
 * every series lists its labels sorted by name.
 *
 * <p>Labels with empty values are left out: Prometheus treats an empty value as no label, and
 * remote write forbids empty values. A label the snapshot carries under a name the series sets
 * itself ({@code __name__}, a histogram's {@code le}) is left out too, since names must not repeat.
 */
public final class PointLabels {
    public static final String NAME = "__name__";
    public static final String LE = "le";
    static final byte[] NAME_BYTES = NAME.getBytes(StandardCharsets.UTF_8);
    static final byte[] LE_BYTES = LE.getBytes(StandardCharsets.UTF_8);

    private final byte[][] names;
    private final byte[][] values;
    private final int count;
    private final int namePosition;
    private final int lePosition;
    private final int fieldsSize;

    private PointLabels(byte[][] names, byte[][] values, int count, int namePosition, int lePosition, int fieldsSize) {
        this.names = names;
        this.values = values;
        this.count = count;
        this.namePosition = namePosition;
        this.lePosition = lePosition;
        this.fieldsSize = fieldsSize;
    }

    public static PointLabels of(Labels labels, boolean histogram) {
        int n = labels.size();
        byte[][] names = new byte[n][];
        byte[][] values = new byte[n][];
        int count = 0;
        int namePosition = 0;
        int lePosition = 0;
        int fieldsSize = 0;
        // Labels are sorted by String order, which is byte order for the ASCII that names may hold.
        for (int i = 0; i < n; i++) {
            String name = labels.name(i);
            String value = labels.value(i);
            if (value.isEmpty() || name.equals(NAME) || histogram && name.equals(LE)) {
                continue;
            }
            if (name.compareTo(NAME) < 0) {
                namePosition = count + 1;
            }
            if (name.compareTo(LE) < 0) {
                lePosition = count + 1;
            }
            names[count] = name.getBytes(StandardCharsets.UTF_8);
            values[count] = value.getBytes(StandardCharsets.UTF_8);
            fieldsSize += labelFieldSize(names[count], values[count]);
            count++;
        }
        return new PointLabels(names, values, count, namePosition, lePosition, fieldsSize);
    }

    /** Bytes of the {@code Label} field (tag, length, message) for one name and value. */
    public static int labelFieldSize(byte[] name, byte[] value) {
        return ProtoWriter.fieldSize(ProtoWriter.fieldSize(name.length) + ProtoWriter.fieldSize(value.length));
    }

    /** Bytes of this point's own label fields. */
    public int fieldsSize() {
        return fieldsSize;
    }

    /**
     * Writes the {@code labels} fields of a {@code TimeSeries}: this point's labels with the
     * series name and, for a bucket, its {@code le}, all in name order.
     */
    public void write(ProtoWriter out, byte[] seriesName, byte[] le) {
        for (int i = 0; i <= count; i++) {
            if (i == namePosition) {
                label(out, NAME_BYTES, seriesName);
            }
            if (le != null && i == lePosition) {
                label(out, LE_BYTES, le);
            }
            if (i < count) {
                label(out, names[i], values[i]);
            }
        }
    }

    private static void label(ProtoWriter out, byte[] name, byte[] value) {
        out.tag(1, ProtoWriter.LENGTH_DELIMITED);
        out.varint(ProtoWriter.fieldSize(name.length) + ProtoWriter.fieldSize(value.length));
        out.bytesField(1, name);
        out.bytesField(2, value);
    }
}
