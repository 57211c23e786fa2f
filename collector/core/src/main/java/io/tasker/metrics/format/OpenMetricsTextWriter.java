package io.tasker.metrics.format;

import io.tasker.metrics.snapshot.MetricFamilySnapshot;
import java.io.IOException;

/**
 * OpenMetrics 1.0 text: {@code # TYPE} and {@code # HELP} name the family without
 * {@code _total}, help text escapes double quotes too, and the output ends in {@code # EOF}.
 *
 * <pre>{@code
 * new OpenMetricsTextWriter().write(out, registry.snapshot());
 * }</pre>
 */
public final class OpenMetricsTextWriter extends TextFormatWriter {
    /** The content type of OpenMetrics 1.0 text in UTF-8. */
    public static final String CONTENT_TYPE = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    /** A writer; it keeps no state, so one can be shared. */
    public OpenMetricsTextWriter() {}

    @Override
    public String contentType() {
        return CONTENT_TYPE;
    }

    @Override
    public String format() {
        return "openmetrics";
    }

    @Override
    void writeMetadata(TextOutput out, MetricFamilySnapshot family) throws IOException {
        out.ascii("# TYPE ")
                .ascii(family.name())
                .ch(' ')
                .ascii(family.type().word())
                .ch('\n');
        out.ascii("# HELP ")
                .ascii(family.name())
                .ch(' ')
                .escaped(family.metadata().help(), true)
                .ch('\n');
    }

    @Override
    void writeEnd(TextOutput out) throws IOException {
        out.ascii("# EOF\n");
    }
}
