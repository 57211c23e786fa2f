package io.tasker.metrics.format;

import io.tasker.metrics.snapshot.BucketBounds;
import io.tasker.metrics.snapshot.CounterSnapshot;
import io.tasker.metrics.snapshot.GaugeSnapshot;
import io.tasker.metrics.snapshot.HistogramSnapshot;
import io.tasker.metrics.snapshot.Labels;
import io.tasker.metrics.snapshot.MetricFamilySnapshot;
import io.tasker.metrics.snapshot.MetricsSnapshot;
import java.io.IOException;
import java.io.OutputStream;

/**
 * What Prometheus text 0.0.4 and OpenMetrics 1.0 share: one family after another, a metadata
 * block then its samples, labels sorted by name with {@code le} last, label values escaped.
 * The subclasses differ in the metadata block and the end of the output.
 */
abstract sealed class TextFormatWriter implements ExpositionFormatWriter
        permits PrometheusTextWriter, OpenMetricsTextWriter {

    /** Writes {@code # HELP} and {@code # TYPE} (in the format's order and escaping). */
    abstract void writeMetadata(TextOutput out, MetricFamilySnapshot family) throws IOException;

    /** Written after the last family. */
    abstract void writeEnd(TextOutput out) throws IOException;

    @Override
    public final void write(OutputStream stream, MetricsSnapshot snapshot) throws IOException {
        TextOutput out = new TextOutput(stream);
        for (MetricFamilySnapshot family : snapshot.families()) {
            if (family.points().isEmpty()) {
                continue;
            }
            writeMetadata(out, family);
            if (family instanceof CounterSnapshot c) {
                writeCounter(out, c);
            } else if (family instanceof GaugeSnapshot g) {
                writeGauge(out, g);
            } else {
                writeHistogram(out, (HistogramSnapshot) family);
            }
        }
        writeEnd(out);
        out.flush();
    }

    private static void writeCounter(TextOutput out, CounterSnapshot family) throws IOException {
        for (CounterSnapshot.Point p : family.points()) {
            out.ascii(family.name()).ascii("_total");
            labels(out, p.labels(), null);
            out.ch(' ').number(p.value()).ch('\n');
        }
    }

    private static void writeGauge(TextOutput out, GaugeSnapshot family) throws IOException {
        for (GaugeSnapshot.Point p : family.points()) {
            out.ascii(family.name());
            labels(out, p.labels(), null);
            out.ch(' ').number(p.value()).ch('\n');
        }
    }

    private static void writeHistogram(TextOutput out, HistogramSnapshot family) throws IOException {
        String name = family.name();
        BucketBounds bounds = family.bounds();
        for (HistogramSnapshot.Point p : family.points()) {
            for (int i = 0; i < bounds.bucketCount(); i++) {
                out.ascii(name).ascii("_bucket");
                labels(out, p.labels(), bounds.le(i));
                out.ch(' ').number(p.cumulativeCount(i)).ch('\n');
            }
            out.ascii(name).ascii("_sum");
            labels(out, p.labels(), null);
            out.ch(' ').number(p.sum()).ch('\n');
            out.ascii(name).ascii("_count");
            labels(out, p.labels(), null);
            out.ch(' ').number(p.count()).ch('\n');
        }
    }

    private static void labels(TextOutput out, Labels labels, String le) throws IOException {
        if (labels.isEmpty() && le == null) {
            return;
        }
        out.ch('{');
        for (int i = 0; i < labels.size(); i++) {
            if (i > 0) {
                out.ch(',');
            }
            out.ascii(labels.name(i))
                    .ascii("=\"")
                    .escaped(labels.value(i), true)
                    .ch('"');
        }
        if (le != null) {
            if (!labels.isEmpty()) {
                out.ch(',');
            }
            out.ascii("le=\"").ascii(le).ch('"');
        }
        out.ch('}');
    }
}
