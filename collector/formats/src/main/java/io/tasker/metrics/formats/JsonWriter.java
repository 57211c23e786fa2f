package io.tasker.metrics.formats;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.tasker.metrics.format.ExpositionFormatWriter;
import io.tasker.metrics.snapshot.BucketBounds;
import io.tasker.metrics.snapshot.CounterSnapshot;
import io.tasker.metrics.snapshot.GaugeSnapshot;
import io.tasker.metrics.snapshot.HistogramSnapshot;
import io.tasker.metrics.snapshot.Labels;
import io.tasker.metrics.snapshot.MetricFamilySnapshot;
import io.tasker.metrics.snapshot.MetricsSnapshot;
import io.tasker.metrics.snapshot.QuantileSketch;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The JSON export, in the layout existing Tasker integrations read: {@code timestamp}, then {@code metrics.counters},
 * {@code metrics.gauges} and {@code metrics.histograms}, each keyed by metric name. A name has
 * many label sets, so each name holds a list of series. The layout is published as a JSON
 * Schema in {@code docs/metrics-export.schema.json}.
 *
 * <p>JSON has no NaN or infinity, so such gauge values are written as the strings
 * {@code "NaN"}, {@code "+Inf"} and {@code "-Inf"}, as in Prometheus text.
 *
 * <pre>{@code
 * new JsonWriter().write(Files.newOutputStream(path), registry.snapshot());
 * }</pre>
 */
public final class JsonWriter implements ExpositionFormatWriter {
    /** The content type of the JSON output. */
    public static final String CONTENT_TYPE = "application/json; charset=utf-8";

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private final boolean pretty;

    /** A writer of compact JSON, without indentation. */
    public JsonWriter() {
        this(false);
    }

    /**
     * With {@code pretty}, the output is indented for people to read.
     *
     * @param pretty whether to indent the output
     */
    public JsonWriter(boolean pretty) {
        this.pretty = pretty;
    }

    @Override
    public String contentType() {
        return CONTENT_TYPE;
    }

    @Override
    public String format() {
        return "json";
    }

    @Override
    public void write(OutputStream out, MetricsSnapshot snapshot) throws IOException {
        try (JsonGenerator json =
                FACTORY.createGenerator(out, JsonEncoding.UTF8).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            if (pretty) {
                json.useDefaultPrettyPrinter();
            }
            json.writeStartObject();
            json.writeStringField("timestamp", snapshot.timestamp().toString());
            json.writeObjectFieldStart("metrics");
            json.writeObjectFieldStart("counters");
            for (MetricFamilySnapshot f : snapshot.families()) {
                if (f instanceof CounterSnapshot c && !c.points().isEmpty()) {
                    writeCounter(json, c);
                }
            }
            json.writeEndObject();
            json.writeObjectFieldStart("gauges");
            for (MetricFamilySnapshot f : snapshot.families()) {
                if (f instanceof GaugeSnapshot g && !g.points().isEmpty()) {
                    writeGauge(json, g);
                }
            }
            json.writeEndObject();
            json.writeObjectFieldStart("histograms");
            for (MetricFamilySnapshot f : snapshot.families()) {
                if (f instanceof HistogramSnapshot h && !h.points().isEmpty()) {
                    writeHistogram(json, h);
                }
            }
            json.writeEndObject();
            json.writeEndObject();
            json.writeEndObject();
        }
        out.flush();
    }

    private static void writeCounter(JsonGenerator json, CounterSnapshot family) throws IOException {
        json.writeArrayFieldStart(family.name() + "_total");
        for (CounterSnapshot.Point p : family.points()) {
            json.writeStartObject();
            labels(json, p.labels());
            number(json, "value", p.value());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void writeGauge(JsonGenerator json, GaugeSnapshot family) throws IOException {
        json.writeArrayFieldStart(family.name());
        for (GaugeSnapshot.Point p : family.points()) {
            json.writeStartObject();
            labels(json, p.labels());
            number(json, "value", p.value());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void writeHistogram(JsonGenerator json, HistogramSnapshot family) throws IOException {
        BucketBounds bounds = family.bounds();
        json.writeArrayFieldStart(family.name());
        for (HistogramSnapshot.Point p : family.points()) {
            json.writeStartObject();
            labels(json, p.labels());
            json.writeNumberField("count", p.count());
            number(json, "sum", p.sum());
            json.writeArrayFieldStart("buckets");
            for (int i = 0; i < bounds.bucketCount(); i++) {
                json.writeStartObject();
                json.writeStringField("le", bounds.le(i));
                json.writeNumberField("count", p.cumulativeCount(i));
                json.writeEndObject();
            }
            json.writeEndArray();
            quantiles(json, p.quantiles());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void quantiles(JsonGenerator json, QuantileSketch sketch) throws IOException {
        if (sketch == null || sketch.count() == 0) {
            return;
        }
        json.writeObjectFieldStart("quantiles");
        for (double q : QuantileSketch.STANDARD_QUANTILES) {
            json.writeNumberField(quantileKey(q), sketch.valueAt(q));
        }
        json.writeEndObject();
    }

    /** {@code p50}, {@code p90}, {@code p95}, {@code p99}. */
    static String quantileKey(double q) {
        return "p" + Math.round(q * 100);
    }

    private static void labels(JsonGenerator json, Labels labels) throws IOException {
        json.writeObjectFieldStart("labels");
        for (int i = 0; i < labels.size(); i++) {
            json.writeStringField(labels.name(i), labels.value(i));
        }
        json.writeEndObject();
    }

    private static void number(JsonGenerator json, String field, double v) throws IOException {
        if (Double.isNaN(v)) {
            json.writeStringField(field, "NaN");
        } else if (Double.isInfinite(v)) {
            json.writeStringField(field, v > 0 ? "+Inf" : "-Inf");
        } else if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            json.writeNumberField(field, (long) v);
        } else {
            json.writeNumberField(field, v);
        }
    }
}
