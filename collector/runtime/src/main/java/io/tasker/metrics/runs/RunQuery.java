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
 *
 * @param status only runs in this status, or empty for all
 * @param taskName only runs of this task name, or empty for all
 * @param taskId only runs whose task id contains this, in any case, or empty for all
 * @param limit the most runs returned
 */
public record RunQuery(Optional<RunStatus> status, Optional<String> taskName, Optional<String> taskId, int limit) {
    /** The limit when none is given. */
    public static final int DEFAULT_LIMIT = 50;
    /** The largest limit allowed. */
    public static final int MAX_LIMIT = 1000;

    /**
     * Checks the limit.
     *
     * @param status only runs in this status, or empty for all
     * @param taskName only runs of this task name, or empty for all
     * @param taskId only runs whose task id contains this, or empty for all
     * @param limit the most runs returned, from 1 to {@value #MAX_LIMIT}
     * @throws IllegalArgumentException for a limit out of range
     */
    public RunQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", not " + limit);
        }
    }

    /**
     * No filter, at most {@value #DEFAULT_LIMIT} runs.
     *
     * @return the query
     */
    public static RunQuery all() {
        return new RunQuery(Optional.empty(), Optional.empty(), Optional.empty(), DEFAULT_LIMIT);
    }

    /**
     * From query parameters, each null or blank when absent.
     *
     * @param status a status word (see {@link RunStatus#parse}), or null
     * @param taskName a task name, or null
     * @param taskId a piece of a task id, or null
     * @param limit the most runs as a whole number, or null for {@value #DEFAULT_LIMIT}
     * @return the query
     * @throws IllegalArgumentException for a bad value, naming the parameter
     */
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

    /**
     * The runs that pass the filter, in their order, at most {@code limit}.
     *
     * @param runs the runs to filter
     * @return the runs kept
     */
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
