package io.tasker.metrics.format;

import io.tasker.metrics.snapshot.MetricsSnapshot;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;

/**
 * Writes a snapshot in one format. Writers stream: they never hold the whole text in memory,
 * so that a million series export within a small heap.
 *
 * <pre>{@code
 * ExpositionFormatWriter writer = ExpositionFormatWriter.forAcceptHeader(request.header("Accept"));
 * response.contentType(writer.contentType());
 * writer.write(response.outputStream(), registry.snapshot());
 * }</pre>
 */
public interface ExpositionFormatWriter {
    /**
     * The HTTP content type of the output, charset included.
     *
     * @return the content type
     */
    String contentType();

    /**
     * A short name for file names and logs: {@code prometheus}, {@code openmetrics}, {@code json}, {@code csv}.
     *
     * @return the format's name
     */
    String format();

    /**
     * Writes the whole snapshot; flushes, but does not close, {@code out}.
     *
     * @param out where to write
     * @param snapshot what to write
     * @throws IOException when writing to {@code out} fails
     */
    void write(OutputStream out, MetricsSnapshot snapshot) throws IOException;

    /**
     * OpenMetrics when the header asks for it, Prometheus text 0.0.4 otherwise, also for a header
     * that is malformed ({@code ;}, {@code ,,,}): a scraper gets data rather than an error.
     *
     * @param accept the request's {@code Accept} header, or null when it has none
     * @return a new writer for the chosen format
     */
    static ExpositionFormatWriter forAcceptHeader(String accept) {
        if (accept != null) {
            for (String part : accept.split(",")) {
                int semicolon = part.indexOf(';');
                String mediaType = (semicolon < 0 ? part : part.substring(0, semicolon))
                        .trim()
                        .toLowerCase(Locale.ROOT);
                if (mediaType.equals("application/openmetrics-text") && !refused(part)) {
                    return new OpenMetricsTextWriter();
                }
            }
        }
        return new PrometheusTextWriter();
    }

    /** A weight of zero refuses the type; a weight that is no number is ignored, as if absent. */
    private static boolean refused(String part) {
        for (String param : part.split(";")) {
            String p = param.replace(" ", "").toLowerCase(Locale.ROOT);
            if (p.startsWith("q=") && p.matches("q=0(\\.0*)?")) {
                return true;
            }
        }
        return false;
    }
}
