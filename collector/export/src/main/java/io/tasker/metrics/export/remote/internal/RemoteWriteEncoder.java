package io.tasker.metrics.export.remote.internal;

import io.tasker.metrics.snapshot.MetricFamilySnapshot;
import io.tasker.metrics.snapshot.MetricType;
import io.tasker.metrics.snapshot.MetricsSnapshot;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Encodes a snapshot as Prometheus remote write 1.0 {@code WriteRequest}s of at most
 * {@code batchSize} series each, one request per {@link Iterator#next()}: a million series cost
 * one request's memory, not a million's.
 *
 * <p>Each series has the snapshot's timestamp in milliseconds and its labels sorted by name,
 * {@code __name__} among them, empty values left out. Each request also carries the
 * {@code MetricMetadata} (type, family name, help) of the families it has series of; remote write
 * 1.0 leaves metadata optional and Prometheus's own sender sends it the same way. The protobuf is
 * written by hand, in the canonical proto3 form that protobuf-java writes for the same message
 * (fields in number order, default values left out), for these messages of
 * {@code prompb/remote.proto} and {@code types.proto}:
 * <pre>
 * WriteRequest   { repeated TimeSeries timeseries = 1; repeated MetricMetadata metadata = 3; }
 * TimeSeries     { repeated Label labels = 1; repeated Sample samples = 2; }
 * Label          { string name = 1; string value = 2; }
 * Sample         { double value = 1; int64 timestamp = 2; }
 * MetricMetadata { MetricType type = 1; string metric_family_name = 2; string help = 4; string unit = 5; }
 * </pre>
 *
 * <pre>{@code
 * Iterator<RemoteWriteBatch> batches = new RemoteWriteEncoder(1000).batches(registry.snapshot());
 * while (batches.hasNext()) {
 *     send(Compression.SNAPPY.compress(batches.next().protobuf()));
 * }
 * }</pre>
 */
public final class RemoteWriteEncoder {
    /** {@code MetricMetadata.MetricType} numbers of types.proto. */
    private static final int COUNTER = 1;

    private static final int GAUGE = 2;
    private static final int HISTOGRAM = 3;

    private final int batchSize;

    public RemoteWriteEncoder(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("telemetry.prometheus.batch_size must be at least 1, got " + batchSize);
        }
        this.batchSize = batchSize;
    }

    /** The snapshot's requests, each encoded only when {@code next()} is called. */
    public Iterator<RemoteWriteBatch> batches(MetricsSnapshot snapshot) {
        return new Batches(snapshot);
    }

    private final class Batches implements Iterator<RemoteWriteBatch> {
        private final SeriesCursor cursor;
        private final long timestamp;
        private final ProtoWriter out = new ProtoWriter(64 * 1024);
        private boolean more;

        Batches(MetricsSnapshot snapshot) {
            cursor = new SeriesCursor(snapshot.families());
            timestamp = snapshot.timestamp().toEpochMilli();
            more = cursor.advance();
        }

        @Override
        public boolean hasNext() {
            return more;
        }

        @Override
        public RemoteWriteBatch next() {
            if (!more) {
                throw new NoSuchElementException("No series left in the snapshot");
            }
            out.reset();
            List<MetricFamilySnapshot> families = new ArrayList<>();
            int lastFamily = -1;
            int series = 0;
            while (more && series < batchSize) {
                if (cursor.familyIndex() != lastFamily) {
                    lastFamily = cursor.familyIndex();
                    families.add(cursor.family());
                }
                writeSeries(out, cursor, timestamp);
                series++;
                more = cursor.advance();
            }
            families.forEach(f -> writeMetadata(out, f));
            return new RemoteWriteBatch(out.toByteArray(), series, families.size());
        }
    }

    private static void writeSeries(ProtoWriter out, SeriesCursor cursor, long timestamp) {
        PointLabels labels = cursor.labels();
        byte[] name = cursor.seriesName();
        byte[] le = cursor.le();
        // Canonical bits: a NaN gauge must not go out with the stale-marker NaN's bit pattern.
        long valueBits = Double.doubleToLongBits(cursor.value());
        int sampleSize = (valueBits != 0 ? 9 : 0) + (timestamp != 0 ? 1 + ProtoWriter.varintSize(timestamp) : 0);
        int labelsSize = labels.fieldsSize()
                + PointLabels.labelFieldSize(PointLabels.NAME_BYTES, name)
                + (le == null ? 0 : PointLabels.labelFieldSize(PointLabels.LE_BYTES, le));
        out.tag(1, ProtoWriter.LENGTH_DELIMITED);
        out.varint(labelsSize + ProtoWriter.fieldSize(sampleSize));
        labels.write(out, name, le);
        out.tag(2, ProtoWriter.LENGTH_DELIMITED);
        out.varint(sampleSize);
        if (valueBits != 0) {
            out.tag(1, ProtoWriter.FIXED64);
            out.fixed64(valueBits);
        }
        if (timestamp != 0) {
            out.tag(2, ProtoWriter.VARINT);
            out.varint(timestamp);
        }
    }

    private static void writeMetadata(ProtoWriter out, MetricFamilySnapshot family) {
        // A counter's family goes by its sample name, as in the Prometheus text format we expose,
        // so a receiver finds the metadata under the name that queries use.
        String familyName = family.type() == MetricType.COUNTER ? family.name() + "_total" : family.name();
        byte[] name = SeriesCursor.utf8(familyName);
        byte[] help = SeriesCursor.utf8(family.metadata().help());
        int type = switch (family.type()) {
            case COUNTER -> COUNTER;
            case GAUGE -> GAUGE;
            case HISTOGRAM -> HISTOGRAM;
        };
        int size = 2 + ProtoWriter.fieldSize(name.length) + (help.length == 0 ? 0 : ProtoWriter.fieldSize(help.length));
        out.tag(3, ProtoWriter.LENGTH_DELIMITED);
        out.varint(size);
        out.tag(1, ProtoWriter.VARINT);
        out.varint(type);
        out.bytesField(2, name);
        if (help.length > 0) {
            out.bytesField(4, help);
        }
    }
}
