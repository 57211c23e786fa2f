package io.tasker.metrics.export;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.tasker.metrics.export.internal.Words;

/**
 * The format of an export, by the word the history, the console's database, the CLI's
 * {@code --format} and the writers' {@code format()} use. A stored record whose word this
 * version does not know (a newer version's format) reads as {@link #UNKNOWN}, so that the rest
 * of the history stays readable.
 *
 * <pre>{@code
 * ExportFormat.of("remote_write"); // REMOTE_WRITE; ExportFormat.of("xml") throws, naming "xml"
 * }</pre>
 */
public enum ExportFormat {
    /** Prometheus text exposition format. */
    PROMETHEUS("prometheus"),
    /** OpenMetrics text. */
    OPENMETRICS("openmetrics"),
    /** JSON. */
    JSON("json"),
    /** CSV. */
    CSV("csv"),
    /** Prometheus remote write. */
    REMOTE_WRITE("remote_write"),
    /** OTLP metrics. */
    OTLP("otlp"),
    /** A word this version does not know, read back from a stored record; never chosen for an export. */
    UNKNOWN("unknown");

    private final String word;

    ExportFormat(String word) {
        this.word = word;
    }

    /**
     * The word on the wire and in the database.
     *
     * @return such as {@code json} or {@code remote_write}
     */
    @JsonValue
    public String word() {
        return word;
    }

    /**
     * The format named {@code word}, for a name a user or a writer gave.
     *
     * @param word such as {@code json}
     * @return the format
     * @throws IllegalArgumentException naming the word and the known ones, when it is not a format
     */
    public static ExportFormat of(String word) {
        return Words.strict(values(), ExportFormat::word, word, "export format");
    }

    /**
     * The format a stored record names: {@link #UNKNOWN} for a word this version does not know.
     *
     * @param word the stored word, or null
     * @return the format, or null for null
     */
    @JsonCreator
    public static ExportFormat stored(String word) {
        return Words.tolerant(values(), ExportFormat::word, word, UNKNOWN);
    }

    /** The word, so that text built from a record reads as before. */
    @Override
    public String toString() {
        return word;
    }
}
