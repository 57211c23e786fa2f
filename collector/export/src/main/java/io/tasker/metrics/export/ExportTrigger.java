package io.tasker.metrics.export;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.tasker.metrics.export.internal.Words;

/**
 * What started an export, by the word the history, the console's database and the CLI's output
 * use. A stored record whose word this version does not know reads as {@link #UNKNOWN}, so that
 * the rest of the history stays readable.
 *
 * <pre>{@code
 * coordinator.export(destination, ExportTrigger.CLI);
 * }</pre>
 */
public enum ExportTrigger {
    /** The in-process export scheduler. */
    SCHEDULER("scheduler"),
    /** The console's "Export now". */
    CONSOLE("console"),
    /** The command line ({@code export}, {@code export-now}), such as a CronJob. */
    CLI("cli"),
    /** A word this version does not know, read back from a stored record; never chosen for an export. */
    UNKNOWN("unknown");

    private final String word;

    ExportTrigger(String word) {
        this.word = word;
    }

    /**
     * The word on the wire and in the database.
     *
     * @return {@code scheduler}, {@code console} or {@code cli}
     */
    @JsonValue
    public String word() {
        return word;
    }

    /**
     * The trigger named {@code word}, for a name a user gave.
     *
     * @param word such as {@code cli}
     * @return the trigger
     * @throws IllegalArgumentException naming the word and the known ones, when it is not a trigger
     */
    public static ExportTrigger of(String word) {
        return Words.strict(values(), ExportTrigger::word, word, "export trigger");
    }

    /**
     * The trigger a stored record names: {@link #UNKNOWN} for a word this version does not know.
     *
     * @param word the stored word, or null
     * @return the trigger, or null for null
     */
    @JsonCreator
    public static ExportTrigger stored(String word) {
        return Words.tolerant(values(), ExportTrigger::word, word, UNKNOWN);
    }

    /** The word, so that text built from a record reads as before. */
    @Override
    public String toString() {
        return word;
    }
}
