package io.tasker.metrics.format;

import io.tasker.metrics.snapshot.MetricFamilySnapshot;
import io.tasker.metrics.snapshot.MetricType;
import java.io.IOException;

/**
 * Prometheus text exposition format 0.0.4: for each family one {@code # HELP} and one
 * {@code # TYPE} line, then its samples; counters as {@code name_total}, histograms as
 * {@code _bucket} lines ending in {@code le="+Inf"}, then {@code _sum} and {@code _count}.
 *
 * <pre>{@code
 * new PrometheusTextWriter().write(System.out, registry.snapshot());
 * }</pre>
 */
public final class PrometheusTextWriter extends TextFormatWriter {
    /** The content type of Prometheus text 0.0.4 in UTF-8. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    /** A writer; it keeps no state, so one can be shared. */
    public PrometheusTextWriter() {}

    @Override
    public String contentType() {
        return CONTENT_TYPE;
    }

    @Override
    public String format() {
        return "prometheus";
    }

    @Override
    void writeMetadata(TextOutput out, MetricFamilySnapshot family) throws IOException {
        // In 0.0.4 a counter's family is known by its sample name, so HELP and TYPE carry _total.
        String name = family.type() == MetricType.COUNTER ? family.name() + "_total" : family.name();
        out.ascii("# HELP ")
                .ascii(name)
                .ch(' ')
                .escaped(family.metadata().help(), false)
                .ch('\n');
        out.ascii("# TYPE ").ascii(name).ch(' ').ascii(family.type().word()).ch('\n');
    }

    @Override
    void writeEnd(TextOutput out) {
        // 0.0.4 has no end marker.
    }
}
