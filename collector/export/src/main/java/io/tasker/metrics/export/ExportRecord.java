package io.tasker.metrics.export;

import io.tasker.metrics.export.internal.QueryMask;
import java.time.Instant;

/**
 * One export, wherever it ran (scheduler, console, CLI in a CronJob), as the shared history keeps it.
 *
 * @param at when it started
 * @param format {@code prometheus}, {@code openmetrics}, {@code json}, {@code csv}, {@code remote_write} or {@code otlp}
 * @param destination where it went (a file, standard output, the remote write URL); the values of
 *     query parameters named like a secret ({@code api_key}, {@code token}...) are masked, here and in {@code error}
 * @param trigger what started it: {@code scheduler}, {@code console}, {@code cli}
 * @param outcome success, failed, skipped, or held back (the store lost its data and the view is
 *     being written again: nothing was exported, and it resumes by itself)
 * @param series series exported
 * @param bytes bytes written or sent
 * @param durationMillis how long it took
 * @param attempts attempts made (retries included)
 * @param error why it failed, was skipped or held back, or null; on a success, a warning about it
 *     (the export lock lost meanwhile, a view forced out while being written again)
 * @param instance the instance that ran it
 * @param fencingNumber the export lock's fencing number, 0 when it ran without the lock
 * @param timing why it ran when it did ({@code optimal timing}, {@code TTL extension}, {@code on demand}), or
 *     null in a record older than the timing
 */
public record ExportRecord(
        Instant at,
        ExportFormat format,
        String destination,
        ExportTrigger trigger,
        Outcome outcome,
        long series,
        long bytes,
        long durationMillis,
        int attempts,
        String error,
        String instance,
        long fencingNumber,
        ExportTiming.Reason timing) {

    /**
     * A record, with the values of query parameters named like a secret masked in its
     * destination and error: here, on writing and on reading alike, so that no reader of the
     * history (console, CLI, API) ever sees one, whoever wrote the record. A missing format or
     * trigger reads as {@code unknown}.
     *
     * @param at when it started
     * @param format the format; null reads as {@link ExportFormat#UNKNOWN}
     * @param destination where it went
     * @param trigger what started it; null reads as {@link ExportTrigger#UNKNOWN}
     * @param outcome success, failed or skipped
     * @param series series exported
     * @param bytes bytes written or sent
     * @param durationMillis how long it took
     * @param attempts attempts made
     * @param error why it failed or was skipped, or null
     * @param instance the instance that ran it
     * @param fencingNumber the export lock's fencing number
     * @param timing why it ran when it did
     */
    public ExportRecord {
        // A stored record without them (written by some other tool) still reads, and shows.
        format = format == null ? ExportFormat.UNKNOWN : format;
        trigger = trigger == null ? ExportTrigger.UNKNOWN : trigger;
        destination = QueryMask.apply(destination);
        error = QueryMask.apply(error);
    }

    /** How an export ended. */
    public enum Outcome {
        /** It was delivered. */
        SUCCESS,
        /** It could not be delivered. */
        FAILED,
        /** Nothing was sent although nothing failed (another exporter held the lock, the window was exported, the endpoint was unavailable). */
        SKIPPED,
        /**
         * Nothing exported because the store lost its data and the instances have not all written
         * theirs again: published now, totals could be lower than an earlier export's. Not a
         * success: a script that uploads the file after it must not upload nothing.
         */
        HELD_BACK
    }

    /**
     * Whether the export was delivered.
     *
     * @return true for {@link Outcome#SUCCESS}
     */
    public boolean success() {
        return outcome == Outcome.SUCCESS;
    }
}
