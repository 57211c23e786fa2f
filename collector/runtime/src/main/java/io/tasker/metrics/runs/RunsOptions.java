package io.tasker.metrics.runs;

import io.tasker.metrics.config.TaskerConfig;

/**
 * How many finished runs an instance keeps: failed ones longer than successful ones, since
 * those are the ones people come to look at; and how many runs may be open at once.
 *
 * <pre>{@code
 * new RecentRuns(new RunsOptions(50, 200, 1000), Clock.SYSTEM);
 * }</pre>
 *
 * @param keepSuccessful successful runs kept
 * @param keepFailed failed runs kept
 * @param maxOpen runs kept while still running
 */
public record RunsOptions(int keepSuccessful, int keepFailed, int maxOpen) {
    /**
     * Checks the counts.
     *
     * @param keepSuccessful successful runs kept, from 0 to 10,000
     * @param keepFailed failed runs kept, from 0 to 10,000
     * @param maxOpen runs kept while still running, from 0 to 10,000
     * @throws IllegalArgumentException for a count out of range
     */
    public RunsOptions {
        check("runs.keep_successful", keepSuccessful);
        check("runs.keep_failed", keepFailed);
        check("the open run limit", maxOpen);
    }

    /**
     * 50 successful runs, 200 failed ones, 1,000 open ones.
     *
     * @return the default options
     */
    public static RunsOptions defaults() {
        return new RunsOptions(50, 200, 1000);
    }

    /**
     * {@code runs.keep_successful} and {@code runs.keep_failed}.
     *
     * @param config the configuration
     * @return the options it gives, with the default open run limit
     */
    public static RunsOptions from(TaskerConfig config) {
        return new RunsOptions(
                config.runs().keepSuccessful(),
                config.runs().keepFailed(),
                defaults().maxOpen());
    }

    private static void check(String key, int value) {
        if (value < 0 || value > 10_000) {
            throw new IllegalArgumentException(key + " must be between 0 and 10000, not " + value);
        }
    }
}
