package io.tasker.metrics.format;

import io.tasker.metrics.snapshot.MetricsSnapshot;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes a snapshot in one format. Writers stream: they never hold the whole text in memory,
 * so that a million series export within a small heap.
 *
 * <pre>{@code
 * ExpositionFormatWriter writer = ExpositionFormats.forAcceptHeader(request.header("Accept"));
 * response.contentType(writer.contentType());
 * writer.write(response.outputStream(), registry.snapshot());
 * }</pre>
 */
public interface ExpositionFormatWriter {
    /** The HTTP content type of the output, charset included. */
    String contentType();

    /** A short name for file names and logs: {@code prometheus}, {@code openmetrics}, {@code json}, {@code csv}. */
    String format();

    /** Writes the whole snapshot; flushes, but does not close, {@code out}. */
    void write(OutputStream out, MetricsSnapshot snapshot) throws IOException;
}
