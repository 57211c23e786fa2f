package io.tasker.metrics.export.otlp.internal;

import io.tasker.metrics.export.remote.internal.ProtoWriter;
import io.tasker.metrics.snapshot.CounterSnapshot;
import io.tasker.metrics.snapshot.DataPoint;
import io.tasker.metrics.snapshot.GaugeSnapshot;
import io.tasker.metrics.snapshot.HistogramSnapshot;
import io.tasker.metrics.snapshot.Labels;
import io.tasker.metrics.snapshot.MetricFamilySnapshot;
import io.tasker.metrics.snapshot.MetricsSnapshot;
import io.tasker.metrics.snapshot.QuantileSketch;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Encodes a snapshot (the cluster view) as OTLP {@code ExportMetricsServiceRequest}s of at most
 * {@code batchSize} series each, one request per {@link Iterator#next()}, so a hundred thousand
 * series cost one request's memory. Written by hand, like the remote write encoder: the messages
 * are few and fixed, and {@code opentelemetry-proto} with protobuf-java would be several
 * megabytes for them (the tests decode every request with those real classes).
 *
 * <ul>
 *   <li>a counter is a monotonic cumulative {@code Sum} of doubles (exact for integers up to 2^53);
 *   <li>a gauge is a {@code Gauge};
 *   <li>a histogram is a cumulative explicit-bucket {@code Histogram}: the bounds without +Inf, and
 *       per-bucket counts (OTLP's are not cumulative, Prometheus' are), count and sum;
 *   <li>a histogram's quantile sketch, when it has observations, is a {@code Summary} named
 *       {@code <name>_quantiles} with the quantiles every writer publishes (0.5, 0.9, 0.95, 0.99),
 *       their count and sum: the same values as the JSON export, within the sketch's 0.8%.
 * </ul>
 *
 * <p>Every point has the snapshot's time and no start time ({@code 0}, "unknown", which OTLP
 * allows): the cluster view's totals outlive the instances that made them, so there is no one
 * start. Labels become string attributes; the resource and the scope head every request.
 */
public final class OtlpMetricsEncoder {
    /** {@code AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE}. */
    private static final int CUMULATIVE = 2;

    private static final int GAUGE_FIELD = 5;
    private static final int SUM_FIELD = 7;
    private static final int HISTOGRAM_FIELD = 9;
    private static final int SUMMARY_FIELD = 11;

    private final int batchSize;
    private final byte[] resource;
    private final byte[] scope;

    /**
     * @param batchSize the most series in one request
     * @param resourceAttributes the resource's attributes ({@code service.name}, ...)
     * @param scopeName the instrumentation scope's name
     * @param scopeVersion its version
     */
    public OtlpMetricsEncoder(
            int batchSize, Map<String, String> resourceAttributes, String scopeName, String scopeVersion) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("The OTLP batch size must be at least 1, got " + batchSize);
        }
        this.batchSize = batchSize;
        ProtoWriter r = new ProtoWriter(256);
        resourceAttributes.forEach((k, v) -> keyValue(r, 1, k, v));
        this.resource = r.toByteArray();
        ProtoWriter s = new ProtoWriter(64);
        string(s, 1, scopeName);
        string(s, 2, scopeVersion);
        this.scope = s.toByteArray();
    }

    /**
     * The snapshot's requests, each encoded only when {@code next()} is called.
     *
     * @param snapshot the view to send
     * @return the requests
     */
    public Iterator<OtlpBatch> batches(MetricsSnapshot snapshot) {
        return new Batches(snapshot);
    }

    private final class Batches implements Iterator<OtlpBatch> {
        private final List<MetricFamilySnapshot> families;
        private final long timeNanos;
        private final ProtoWriter request = new ProtoWriter(64 * 1024);
        private final ProtoWriter scopeMetrics = new ProtoWriter(64 * 1024);
        private final ProtoWriter metric = new ProtoWriter(64 * 1024);
        private final ProtoWriter data = new ProtoWriter(64 * 1024);
        private final ProtoWriter summary = new ProtoWriter(16 * 1024);
        private final ProtoWriter point = new ProtoWriter(1024);
        private final ProtoWriter inner = new ProtoWriter(256);
        private int family;
        private int next;
        private double[] bounds = new double[0];

        Batches(MetricsSnapshot snapshot) {
            families = snapshot.families();
            Instant at = snapshot.timestamp();
            timeNanos = at.getEpochSecond() * 1_000_000_000L + at.getNano();
            skipEmpty();
        }

        private void skipEmpty() {
            while (family < families.size()
                    && next >= families.get(family).points().size()) {
                family++;
                next = 0;
            }
        }

        @Override
        public boolean hasNext() {
            return family < families.size();
        }

        @Override
        public OtlpBatch next() {
            if (!hasNext()) {
                throw new NoSuchElementException("No series left in the snapshot");
            }
            scopeMetrics.reset();
            scopeMetrics.bytesField(1, scope);
            int series = 0;
            int metrics = 0;
            while (hasNext() && series < batchSize) {
                MetricFamilySnapshot f = families.get(family);
                int end = Math.min(f.points().size(), next + batchSize - series);
                metrics += writeFamily(f, next, end);
                series += end - next;
                next = end;
                skipEmpty();
            }
            request.reset();
            inner.reset();
            inner.bytesField(1, resource);
            inner.message(2, scopeMetrics);
            request.message(1, inner);
            return new OtlpBatch(request.toByteArray(), series, metrics);
        }

        /** Points {@code from} to {@code to} of a family as one metric (and its quantiles as a second); how many metrics. */
        private int writeFamily(MetricFamilySnapshot f, int from, int to) {
            data.reset();
            summary.reset();
            if (f instanceof HistogramSnapshot h) {
                bounds = h.bounds().toList().stream()
                        .mapToDouble(Double::doubleValue)
                        .toArray();
            }
            List<? extends DataPoint> points = f.points();
            for (int i = from; i < to; i++) {
                writePoint(points.get(i));
            }
            int written = 1;
            switch (f.type()) {
                case COUNTER -> {
                    data.tag(2, ProtoWriter.VARINT);
                    data.varint(CUMULATIVE);
                    data.tag(3, ProtoWriter.VARINT);
                    data.varint(1);
                    writeMetric(f.name(), f.metadata().help(), SUM_FIELD, data);
                }
                case GAUGE -> writeMetric(f.name(), f.metadata().help(), GAUGE_FIELD, data);
                case HISTOGRAM -> {
                    data.tag(2, ProtoWriter.VARINT);
                    data.varint(CUMULATIVE);
                    writeMetric(f.name(), f.metadata().help(), HISTOGRAM_FIELD, data);
                    if (summary.size() > 0) {
                        writeMetric(f.name() + "_quantiles", f.metadata().help(), SUMMARY_FIELD, summary);
                        written++;
                    }
                }
            }
            return written;
        }

        private void writeMetric(String name, String help, int dataField, ProtoWriter body) {
            metric.reset();
            string(metric, 1, name);
            string(metric, 2, help);
            metric.message(dataField, body);
            scopeMetrics.message(2, metric);
        }

        private void writePoint(DataPoint p) {
            point.reset();
            if (p instanceof CounterSnapshot.Point c) {
                number(c.labels(), c.value());
            } else if (p instanceof GaugeSnapshot.Point g) {
                number(g.labels(), g.value());
            } else {
                histogram((HistogramSnapshot.Point) p);
                return;
            }
            data.message(1, point);
        }

        /** {@code NumberDataPoint { attributes = 7; time_unix_nano = 3; as_double = 4; }} */
        private void number(Labels labels, double value) {
            point.tag(3, ProtoWriter.FIXED64);
            point.fixed64(timeNanos);
            point.tag(4, ProtoWriter.FIXED64);
            point.fixed64(Double.doubleToLongBits(value));
            attributes(point, 7, labels);
        }

        /**
         * {@code HistogramDataPoint { attributes = 9; time_unix_nano = 3; count = 4; sum = 5;
         * bucket_counts = 6 (packed); explicit_bounds = 7 (packed) }}.
         */
        private void histogram(HistogramSnapshot.Point h) {
            point.tag(3, ProtoWriter.FIXED64);
            point.fixed64(timeNanos);
            point.tag(4, ProtoWriter.FIXED64);
            point.fixed64(h.count());
            point.tag(5, ProtoWriter.FIXED64);
            point.fixed64(Double.doubleToLongBits(h.sum()));
            int buckets = h.bucketCount();
            point.tag(6, 2);
            point.varint(8L * buckets);
            long previous = 0;
            for (int i = 0; i < buckets; i++) {
                point.fixed64(h.cumulativeCount(i) - previous);
                previous = h.cumulativeCount(i);
            }
            if (bounds.length > 0) {
                point.tag(7, 2);
                point.varint(8L * bounds.length);
                for (double b : bounds) {
                    point.fixed64(Double.doubleToLongBits(b));
                }
            }
            attributes(point, 9, h.labels());
            data.message(1, point);
            quantiles(h);
        }

        /** {@code SummaryDataPoint { attributes = 7; time_unix_nano = 3; count = 4; sum = 5; quantile_values = 6 }} */
        private void quantiles(HistogramSnapshot.Point h) {
            QuantileSketch sketch = h.quantiles();
            if (sketch == null || sketch.count() == 0) {
                return;
            }
            point.reset();
            point.tag(3, ProtoWriter.FIXED64);
            point.fixed64(timeNanos);
            point.tag(4, ProtoWriter.FIXED64);
            point.fixed64(sketch.count());
            point.tag(5, ProtoWriter.FIXED64);
            point.fixed64(Double.doubleToLongBits(h.sum()));
            for (double q : QuantileSketch.STANDARD_QUANTILES) {
                inner.reset();
                inner.tag(1, ProtoWriter.FIXED64);
                inner.fixed64(Double.doubleToLongBits(q));
                inner.tag(2, ProtoWriter.FIXED64);
                inner.fixed64(Double.doubleToLongBits(sketch.valueAt(q)));
                point.message(6, inner);
            }
            attributes(point, 7, h.labels());
            summary.message(1, point);
        }

        private void attributes(ProtoWriter out, int field, Labels labels) {
            for (int i = 0; i < labels.size(); i++) {
                keyValue(out, field, labels.name(i), labels.value(i));
            }
        }
    }

    /** {@code KeyValue { key = 1; value = 2 (AnyValue { string_value = 1 }) }} */
    private static void keyValue(ProtoWriter out, int field, String key, String value) {
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        byte[] v = value.getBytes(StandardCharsets.UTF_8);
        int anyValue = ProtoWriter.fieldSize(v.length);
        out.tag(field, 2);
        out.varint(ProtoWriter.fieldSize(k.length) + ProtoWriter.fieldSize(anyValue));
        out.bytesField(1, k);
        out.tag(2, 2);
        out.varint(anyValue);
        out.bytesField(1, v);
    }

    private static void string(ProtoWriter out, int field, String value) {
        if (value != null && !value.isEmpty()) {
            out.bytesField(field, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
