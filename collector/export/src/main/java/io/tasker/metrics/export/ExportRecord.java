package io.tasker.metrics.export;

import io.tasker.metrics.export.internal.QueryMask;
import java.time.Instant;

/**
 * One export, wherever it ran (scheduler, console, CLI in a CronJob), as the shared history keeps it.
 * An export's record is made by its outcome, from what every outcome shares:
 *
 * <pre>{@code
 * ExportRecord.Start start = ExportRecord.Start.of(clock.instant(), destination, ExportTrigger.CONSOLE, "web-1");
 * ExportRecord r = ExportRecord.succeeded(start, 31, 3891, 3, 1);
 * }</pre>
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
     * trigger reads as {@code unknown}. This constructor is for decoding a stored record; an
     * export's record comes from the factories by outcome.
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

    /**
     * What every record of one export holds whatever its outcome: when, what, where to, who and
     * why then. The factories by outcome add the rest.
     *
     * <pre>{@code
     * ExportRecord.Start start = ExportRecord.Start.of(clock.instant(), destination, ExportTrigger.CLI, "web-1");
     * ExportRecord r = ExportRecord.failed(start, "IOException: disk full", 12, 1);
     * }</pre>
     *
     * @param at when it started
     * @param format the format
     * @param destination where it goes
     * @param trigger what started it
     * @param instance the instance that runs it
     * @param fencingNumber the export lock's fencing number, 0 without the lock
     * @param timing why it runs when it does
     */
    public record Start(
            Instant at,
            ExportFormat format,
            String destination,
            ExportTrigger trigger,
            String instance,
            long fencingNumber,
            ExportTiming.Reason timing) {

        /**
         * An export to {@code destination} started at {@code at}, on demand and without the lock.
         *
         * @param at when it started
         * @param destination where it goes: its format and description
         * @param trigger what started it
         * @param instance the instance that runs it
         * @return the start
         */
        public static Start of(Instant at, ExportDestination destination, ExportTrigger trigger, String instance) {
            return new Start(
                    at,
                    destination.format(),
                    destination.describe(),
                    trigger,
                    instance,
                    0,
                    ExportTiming.Reason.ON_DEMAND);
        }

        /**
         * The same start under the export lock, planned for a reason.
         *
         * @param fencing the lock's fencing number
         * @param why why it runs when it does
         * @return a copy with both
         */
        public Start fenced(long fencing, ExportTiming.Reason why) {
            return new Start(at, format, destination, trigger, instance, fencing, why);
        }
    }

    /**
     * An export that was delivered.
     *
     * @param start what it was
     * @param series series exported
     * @param bytes bytes written or sent
     * @param durationMillis how long it took
     * @param attempts attempts made
     * @return a {@link Outcome#SUCCESS} record without a warning ({@link #withNote} adds one)
     */
    public static ExportRecord succeeded(Start start, long series, long bytes, long durationMillis, int attempts) {
        return of(start, start.destination(), Outcome.SUCCESS, series, bytes, durationMillis, attempts, null);
    }

    /**
     * What a destination's delivery did: a success, or a skip when the destination sent nothing
     * although nothing failed; the file it wrote, when it names one, is the record's destination.
     *
     * @param start what it was
     * @param delivery what the destination reported
     * @param durationMillis how long it took
     * @param attempts attempts made, the destination's own retries included
     * @return a {@link Outcome#SUCCESS} or {@link Outcome#SKIPPED} record
     */
    public static ExportRecord delivered(
            Start start, ExportDestination.Delivery delivery, long durationMillis, int attempts) {
        String where = delivery.location() != null ? delivery.location() : start.destination();
        Outcome outcome = delivery.skipped() == null ? Outcome.SUCCESS : Outcome.SKIPPED;
        return of(
                start,
                where,
                outcome,
                delivery.series(),
                delivery.bytes(),
                durationMillis,
                attempts,
                delivery.skipped());
    }

    /**
     * An export that could not be delivered.
     *
     * @param start what it was
     * @param error why
     * @param durationMillis how long it took
     * @param attempts attempts made (0 when none could start)
     * @return a {@link Outcome#FAILED} record
     */
    public static ExportRecord failed(Start start, String error, long durationMillis, int attempts) {
        return of(start, start.destination(), Outcome.FAILED, 0, 0, durationMillis, attempts, error);
    }

    /**
     * An export not attempted although nothing failed (another exporter holds the lock, the
     * window is exported already).
     *
     * @param start what it was
     * @param why why nothing was sent
     * @param durationMillis how long deciding took
     * @return a {@link Outcome#SKIPPED} record with no attempt
     */
    public static ExportRecord skipped(Start start, String why, long durationMillis) {
        return of(start, start.destination(), Outcome.SKIPPED, 0, 0, durationMillis, 0, why);
    }

    /**
     * An export held back while the view is being written again after the store lost its data.
     *
     * @param start what it was
     * @param why what it waits for, and until when
     * @param durationMillis how long it took
     * @param attempts attempts made
     * @return a {@link Outcome#HELD_BACK} record
     */
    public static ExportRecord heldBack(Start start, String why, long durationMillis, int attempts) {
        return of(start, start.destination(), Outcome.HELD_BACK, 0, 0, durationMillis, attempts, why);
    }

    /**
     * This record with a note added to its error: on a success, a warning about it (the export
     * lock lost meanwhile, a view forced out while being written again).
     *
     * @param note what to add; it follows an error already there after {@code ; }
     * @return a copy with the note
     */
    public ExportRecord withNote(String note) {
        String text = error == null ? note : error + "; " + note;
        return new ExportRecord(
                at,
                format,
                destination,
                trigger,
                outcome,
                series,
                bytes,
                durationMillis,
                attempts,
                text,
                instance,
                fencingNumber,
                timing);
    }

    private static ExportRecord of(
            Start s,
            String destination,
            Outcome outcome,
            long series,
            long bytes,
            long durationMillis,
            int attempts,
            String error) {
        return new ExportRecord(
                s.at(),
                s.format(),
                destination,
                s.trigger(),
                outcome,
                series,
                bytes,
                durationMillis,
                attempts,
                error,
                s.instance(),
                s.fencingNumber(),
                s.timing());
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
