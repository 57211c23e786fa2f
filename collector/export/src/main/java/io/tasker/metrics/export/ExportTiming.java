package io.tasker.metrics.export;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.tasker.metrics.export.internal.Words;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When to export, late enough to include the most data and early enough that none expires first: the data in the store expires at
 * {@code ttl_expiry}; an export must start by {@code latest_start = ttl_expiry - safety_margin -
 * export_timeout}. If that moment is still ahead, export then ("optimal timing": as late as is
 * safe, so one export covers as much as possible). If it has passed, extend the data's time to
 * live by the overrun plus the safety margin first, then export at once.
 *
 * <pre>{@code
 * ExportTiming timing = new ExportTiming(Duration.ofMinutes(5), Duration.ofMinutes(1), Duration.ofMinutes(2));
 * ExportTiming.Plan plan = timing.plan(clock.instant(), dataExpiry);
 * }</pre>
 */
public record ExportTiming(Duration retentionWindow, Duration safetyMargin, Duration exportTimeout) {
    /**
     * Checks that an export fits in the retention window.
     *
     * @param retentionWindow how long synced data lives in the store; not null
     * @param safetyMargin how long before the data expires an export must end
     * @param exportTimeout how long an export may take
     * @throws IllegalArgumentException when the safety margin and the export timeout add up to
     *     the retention window or more
     */
    public ExportTiming {
        Objects.requireNonNull(retentionWindow, "retention_window");
        if (safetyMargin.plus(exportTimeout).compareTo(retentionWindow) >= 0) {
            throw new IllegalArgumentException("safety_margin + export_timeout must be shorter than retention_window");
        }
    }

    /**
     * Why an export ran when it did, by the words the history, the console's database and the
     * CLI's output use. A plan is {@link #OPTIMAL_TIMING} or {@link #TTL_EXTENSION}; an export
     * run at once is {@link #ON_DEMAND}. A stored record whose words this version does not know
     * reads as {@link #UNKNOWN}, so that the rest of the history stays readable.
     */
    public enum Reason {
        /** As late as is safe before the data expires. */
        OPTIMAL_TIMING("optimal timing"),
        /** Too late for that: the data's time to live is extended first, then the export runs at once. */
        TTL_EXTENSION("TTL extension"),
        /** Run at once, not by plan: an export now, or a coordinated one whose plan could not be read. */
        ON_DEMAND("on demand"),
        /** Words this version does not know, read back from a stored record; never planned. */
        UNKNOWN("unknown");

        private final String words;

        Reason(String words) {
            this.words = words;
        }

        /**
         * The reason in words, as the history records it.
         *
         * @return {@code optimal timing}, {@code TTL extension} or {@code on demand}
         */
        @JsonValue
        public String words() {
            return words;
        }

        /**
         * The reason a stored record names: {@link #UNKNOWN} for words this version does not know.
         *
         * @param words the stored words, or null
         * @return the reason, or null for null (a record older than the timing)
         */
        @JsonCreator
        public static Reason stored(String words) {
            return Words.tolerant(values(), Reason::words, words, UNKNOWN);
        }

        /** The words, so that text built from a record reads as before. */
        @Override
        public String toString() {
            return words;
        }
    }

    /**
     * When the next export should start, and why then.
     *
     * @param exportAt when to start the export
     * @param reason why then
     * @param ttlExpiry when the data expires (before any extension)
     * @param extendBy how much to extend the data's time to live before exporting (zero for optimal timing)
     */
    public record Plan(Instant exportAt, Reason reason, Instant ttlExpiry, Duration extendBy) {}

    /**
     * Expiry assumed when the store cannot tell: the retention window from now.
     *
     * @param now the current time
     * @return {@code now} plus the retention window
     */
    public Instant defaultExpiry(Instant now) {
        return now.plus(retentionWindow);
    }

    /**
     * The plan for data that expires at {@code ttlExpiry}, seen at {@code now}.
     *
     * @param now the current time
     * @param ttlExpiry when the data expires in the store
     * @return the latest safe start ahead, or an extension and an export at once when it has passed
     */
    public Plan plan(Instant now, Instant ttlExpiry) {
        Instant latestStart = ttlExpiry.minus(safetyMargin).minus(exportTimeout);
        if (latestStart.isAfter(now)) {
            return new Plan(latestStart, Reason.OPTIMAL_TIMING, ttlExpiry, Duration.ZERO);
        }
        Duration overrun = Duration.between(latestStart, now);
        return new Plan(now, Reason.TTL_EXTENSION, ttlExpiry, overrun.plus(safetyMargin));
    }

    /**
     * The delay before retry {@code attempt} (1-based) of a failed export: 30 s, 1 min, 2 min,
     * 4 min, then at most 10 minutes: a receiver that is down gets room to recover, and a retry still comes within the data's lifetime (the TTL is extended before each).
     *
     * @param attempt the retry's number, from 1
     * @return the delay before it
     * @throws IllegalArgumentException for an attempt below 1
     */
    public static Duration retryDelay(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("retry attempts count from 1, got " + attempt);
        }
        long seconds = 30L << Math.min(attempt - 1, 5);
        return Duration.ofSeconds(Math.min(seconds, 600));
    }
}
