package io.tasker.metrics.runs;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A filter of the runs list: by status, by task name, by a piece of the task id, at most
 * {@code limit} runs. Built from the console's and the API's query parameters; a bad value is an
 * {@link IllegalArgumentException} naming the parameter.
 *
 * <pre>{@code
 * RunQuery.of("failed", null, null, "20").apply(runs);
 * }</pre>
 */
public record RunQuery(Optional<RunStatus> status, Optional<String> taskName, Optional<String> taskId, int limit) {
    /** The number of runs a query returns when it names no limit. */
    public static final int DEFAULT_LIMIT = 50;
    /** The most runs one query returns. */
    public static final int MAX_LIMIT = 1000;

    /** Checks the limit is within 1 and {@link #MAX_LIMIT}. */
    public RunQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", not " + limit);
        }
    }

    /** Every run, up to {@link #DEFAULT_LIMIT}. */
    public static RunQuery all() {
        return new RunQuery(Optional.empty(), Optional.empty(), Optional.empty(), DEFAULT_LIMIT);
    }

    /** From query parameters, each null or blank when absent. */
    public static RunQuery of(String status, String taskName, String taskId, String limit) {
        int n;
        try {
            n = blank(limit) ? DEFAULT_LIMIT : Integer.parseInt(limit.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("limit must be a whole number, not '" + limit + "'", e);
        }
        return new RunQuery(blank(status) ? Optional.empty() : Optional.of(RunStatus.parse(status.trim())),
                blank(taskName) ? Optional.empty() : Optional.of(taskName.trim()),
                blank(taskId) ? Optional.empty() : Optional.of(taskId.trim()), n);
    }

    /** The runs that match this query, in the order given, at most {@code limit} of them (a task id matches in part, any case). */
    public List<TaskRun> apply(List<TaskRun> runs) {
        return runs.stream()
                .filter(r -> status.isEmpty() || r.status() == status.get())
                .filter(r -> taskName.isEmpty() || r.taskName().equals(taskName.get()))
                .filter(r -> taskId.isEmpty() || r.taskId().toLowerCase(Locale.ROOT).contains(taskId.get().toLowerCase(Locale.ROOT)))
                .limit(limit)
                .toList();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
