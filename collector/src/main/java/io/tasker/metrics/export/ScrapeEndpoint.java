package io.tasker.metrics.export;

import io.tasker.metrics.format.ExpositionFormatWriter;
import io.tasker.metrics.format.ExpositionFormats;
import io.tasker.metrics.snapshot.MetricsSnapshot;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.Supplier;

/**
 * What a {@code /metrics} endpoint does, apart from any web framework: choose Prometheus text or
 * OpenMetrics by the {@code Accept} header, take the snapshot (usually the cluster view) and
 * stream it. The console's {@code /metrics} and {@link MetricsHttpServer} both use it.
 *
 * <pre>{@code
 * ScrapeEndpoint endpoint = new ScrapeEndpoint(() -> collector.clusterView().snapshot());
 * ExpositionFormatWriter w = endpoint.writerFor(ctx.header("Accept"));
 * ctx.contentType(w.contentType());
 * endpoint.write(w, ctx.outputStream());
 * }</pre>
 */
public final class ScrapeEndpoint {
    private final Supplier<MetricsSnapshot> source;

    public ScrapeEndpoint(Supplier<MetricsSnapshot> source) {
        this.source = source;
    }

    public ExpositionFormatWriter writerFor(String acceptHeader) {
        return ExpositionFormats.forAcceptHeader(acceptHeader);
    }

    /** Takes the snapshot and writes it; the snapshot is taken before the first byte, so errors come first. */
    public void write(ExpositionFormatWriter writer, OutputStream out) throws IOException {
        writer.write(out, source.get());
    }

    /** Takes the snapshot; a failure to get it (an unreachable store) is thrown before anything is written. */
    public MetricsSnapshot snapshot() {
        return source.get();
    }
}
