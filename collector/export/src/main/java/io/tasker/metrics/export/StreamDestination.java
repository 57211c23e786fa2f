package io.tasker.metrics.export;

import io.tasker.metrics.format.ExpositionFormatWriter;
import io.tasker.metrics.snapshot.MetricsSnapshot;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes an export to a stream it does not own, such as standard output for
 * {@code tasker-metrics export-now} in a shell pipeline.
 *
 * <pre>{@code
 * new StreamDestination(new PrometheusTextWriter(), System.out, "stdout").deliver(snapshot);
 * }</pre>
 */
public final class StreamDestination implements ExportDestination {
    private final ExpositionFormatWriter writer;
    private final ExportFormat format;
    private final OutputStream out;
    private final String name;

    /**
     * A destination that writes each export to {@code out}, flushing but never closing it.
     *
     * @param writer the format to write
     * @param out the stream to write to
     * @param name what to call the stream in the history and logs, such as {@code stdout}
     */
    public StreamDestination(ExpositionFormatWriter writer, OutputStream out, String name) {
        this.writer = writer;
        this.format = ExportFormat.of(writer.format());
        this.out = out;
        this.name = name;
    }

    @Override
    public String describe() {
        return name;
    }

    @Override
    public ExportFormat format() {
        return format;
    }

    @Override
    public Delivery deliver(MetricsSnapshot snapshot) throws IOException {
        CountingOutputStream counting = new CountingOutputStream(out, false);
        writer.write(counting, snapshot);
        return new Delivery(snapshot.seriesCount(), counting.count(), 1, null, null);
    }
}
