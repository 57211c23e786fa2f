package io.tasker.metrics.runs;

import io.tasker.metrics.config.TaskerConfig;
import java.time.Duration;

/**
 * How many finished runs an instance keeps: failed ones by age, longer than successful ones,
 * since those are the ones people come to look at; and how many runs may be open at once.
 * Failed runs are kept for {@code keepFailedFor} within {@link RunLimits#INSTANCE_BYTES} (what
 * the instance writes to the store) and at most {@code keepFailed} of them.
 *
 * <pre>{@code
 * new RecentRuns(new RunsOptions(50, 10_000, 1000, Duration.ofHours(24)), Clock.SYSTEM);
 * }</pre>
 *
 * @param keepSuccessful successful runs kept
 * @param keepFailed failed runs kept at most
 * @param maxOpen runs kept while still running
 * @param keepFailedFor how long a failed run is kept after it ended
 */
public record RunsOptions(int keepSuccessful, int keepFailed, int maxOpen, Duration keepFailedFor) {
    /** How long failed runs are kept unless configured. */
    public static final Duration KEEP_FAILED_FOR = Duration.ofHours(24);

    /**
     * Checks the counts and the age.
     *
     * @param keepSuccessful successful runs kept, from 0 to 10,000
     * @param keepFailed failed runs kept at most, from 0 to 10,000
     * @param maxOpen runs kept while still running, from 0 to 10,000
     * @param keepFailedFor how long a failed run is kept, more than zero
     * @throws IllegalArgumentException for a count or an age out of range
     */
    public RunsOptions {
        check("runs.keep_successful", keepSuccessful);
        check("runs.keep_failed", keepFailed);
        check("the open run limit", maxOpen);
        if (keepFailedFor == null || keepFailedFor.isZero() || keepFailedFor.isNegative()) {
            throw new IllegalArgumentException("runs.keep_failed_for must be longer than zero, not " + keepFailedFor);
        }
    }

    /**
     * Failed runs kept for {@link #KEEP_FAILED_FOR}.
     *
     * @param keepSuccessful successful runs kept, from 0 to 10,000
     * @param keepFailed failed runs kept at most, from 0 to 10,000
     * @param maxOpen runs kept while still running, from 0 to 10,000
     */
    public RunsOptions(int keepSuccessful, int keepFailed, int maxOpen) {
        this(keepSuccessful, keepFailed, maxOpen, KEEP_FAILED_FOR);
    }

    /**
     * 50 successful runs; failed ones for 24 hours within the byte bound, 10,000 at most; 1,000 open ones.
     *
     * @return the default options
     */
    public static RunsOptions defaults() {
        return new RunsOptions(50, 10_000, 1000);
    }

    /**
     * {@code runs.keep_successful}, {@code runs.keep_failed} and {@code runs.keep_failed_for}.
     *
     * @param config the configuration
     * @return the options it gives, with the default open run limit
     */
    public static RunsOptions from(TaskerConfig config) {
        return new RunsOptions(
                config.runs().keepSuccessful(),
                config.runs().keepFailed(),
                defaults().maxOpen(),
                config.runs().keepFailedFor());
    }

    private static void check(String key, int value) {
        if (value < 0 || value > 10_000) {
            throw new IllegalArgumentException(key + " must be between 0 and 10000, not " + value);
        }
    }
}
