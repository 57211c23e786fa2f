package io.tasker.metrics.runs;

import io.tasker.metrics.config.ConfigKey;
import io.tasker.metrics.config.TaskerConfig;

/**
 * How many finished runs an instance keeps: failed ones longer than successful ones, since
 * those are the ones people come to look at; and how many runs may be open at once.
 *
 * <pre>{@code
 * new RecentRuns(new RunsOptions(50, 200, 1000), Clock.SYSTEM);
 * }</pre>
 */
public record RunsOptions(int keepSuccessful, int keepFailed, int maxOpen) {
    /** Checks each bound is within 0 and 10,000. */
    public RunsOptions {
        check("runs.keep_successful", keepSuccessful);
        check("runs.keep_failed", keepFailed);
        check("the open run limit", maxOpen);
    }

    /** The defaults: 50 successful runs, 200 failed ones and 1,000 open runs. */
    public static RunsOptions defaults() {
        return new RunsOptions(50, 200, 1000);
    }

    /** {@code runs.keep_successful} and {@code runs.keep_failed}. */
    public static RunsOptions from(TaskerConfig config) {
        return new RunsOptions(config.value(ConfigKey.RUNS_KEEP_SUCCESSFUL), config.value(ConfigKey.RUNS_KEEP_FAILED),
                defaults().maxOpen());
    }

    private static void check(String key, int value) {
        if (value < 0 || value > 10_000) {
            throw new IllegalArgumentException(key + " must be between 0 and 10000, not " + value);
        }
    }
}
