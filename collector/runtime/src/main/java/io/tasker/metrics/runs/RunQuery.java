package io.tasker.metrics.runs;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A filter of the runs list: by status, by task name, by a piece of the task id, at most
 * {@code limit} runs from the {@code offset}-th match on (a page). Built from the console's and the
 * API's query parameters; a bad value is an {@link IllegalArgumentException} naming the parameter.
 *
 * <pre>{@code
 * RunQuery.of("failed", null, null, "20", "40").select(runs);
 * }</pre>
 *
 * @param status only runs in this status, or empty for all
 * @param taskName only runs of this task name, or empty for all
 * @param taskId only runs whose task id contains this, in any case, or empty for all
 * @param limit the most runs returned
 * @param offset how many matching runs to skip before the page, for paging
 */
public record RunQuery(
        Optional<RunStatus> status, Optional<String> taskName, Optional<String> taskId, int limit, int offset) {
    /** The limit when none is given. */
    public static final int DEFAULT_LIMIT = 50;
    /** The largest limit allowed. */
    public static final int MAX_LIMIT = 1000;

    /**
     * Checks the limit and the offset.
     *
     * @param status only runs in this status, or empty for all
     * @param taskName only runs of this task name, or empty for all
     * @param taskId only runs whose task id contains this, or empty for all
     * @param limit the most runs returned, from 1 to {@value #MAX_LIMIT}
     * @param offset how many matching runs to skip, 0 or more
     * @throws IllegalArgumentException for a limit or an offset out of range
     */
    public RunQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", not " + limit);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be 0 or more, not " + offset);
        }
    }

    /**
     * The first page of this filter.
     *
     * @param status runs of this status only, or all
     * @param taskName runs of this task only, or all
     * @param taskId runs whose id holds this, or all
     * @param limit at most this many runs
     */
    public RunQuery(Optional<RunStatus> status, Optional<String> taskName, Optional<String> taskId, int limit) {
        this(status, taskName, taskId, limit, 0);
    }

    /**
     * A page of the matching runs, and how many match in all.
     *
     * @param runs the runs of the page
     * @param total the runs matching the filter
     * @param offset the page's first run among them
     * @param limit the page's size
     */
    public record Selection(List<TaskRun> runs, int total, int offset, int limit) {}

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
        return of(status, taskName, taskId, limit, null);
    }

    /**
     * From query parameters, each null or blank when absent.
     *
     * @param status {@code failed}, {@code success} or {@code running}
     * @param taskName a task name
     * @param taskId a piece of a task id
     * @param limit 1 to {@link #MAX_LIMIT}, {@link #DEFAULT_LIMIT} when absent
     * @param offset 0 or more, 0 when absent
     * @return the query
     * @throws IllegalArgumentException naming the parameter that is wrong
     */
    public static RunQuery of(String status, String taskName, String taskId, String limit, String offset) {
        return new RunQuery(
                blank(status) ? Optional.empty() : Optional.of(RunStatus.parse(status.trim())),
                blank(taskName) ? Optional.empty() : Optional.of(taskName.trim()),
                blank(taskId) ? Optional.empty() : Optional.of(taskId.trim()),
                number("limit", limit, DEFAULT_LIMIT),
                number("offset", offset, 0));
    }

    /**
     * The runs of this page; {@link #select} says how many match in all.
     *
     * @param runs the runs to filter, newest first
     * @return the page of those that match
     */
    public List<TaskRun> apply(List<TaskRun> runs) {
        return select(runs).runs();
    }

    /**
     * This page of the matching runs, and their number.
     *
     * @param runs every run, newest first
     * @return the page
     */
    public Selection select(List<TaskRun> runs) {
        List<TaskRun> matching = runs.stream()
                .filter(r -> status.isEmpty() || r.status() == status.get())
                .filter(r -> taskName.isEmpty() || r.taskName().equals(taskName.get()))
                .filter(r -> taskId.isEmpty()
                        || r.taskId()
                                .toLowerCase(Locale.ROOT)
                                .contains(taskId.get().toLowerCase(Locale.ROOT)))
                .toList();
        int from = Math.min(offset, matching.size());
        return new Selection(
                matching.subList(from, Math.min(matching.size(), from + limit)), matching.size(), offset, limit);
    }

    private static int number(String name, String value, int absent) {
        try {
            return blank(value) ? absent : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + value + "'", e);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
