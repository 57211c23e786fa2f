package io.tasker.metrics.console.runs;

import io.tasker.metrics.runs.TaskRun;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * What the runs list adds to {@link io.tasker.metrics.runs.RunQuery}'s filter and page: a search
 * in the error text (type and message, in any case) and the order, applied before the page is
 * cut so that paging walks the whole ordered list. From {@code ?error=...&sort=started|ended|duration|task&order=desc|asc}.
 *
 * @param errorText only runs whose error type or message holds this, or null for all
 * @param sort the field to order by
 * @param ascending oldest, shortest or A first; newest, longest or Z first when false
 */
public record RunOrder(String errorText, Sort sort, boolean ascending) {
    /** The fields the list sorts by, each with its query word. */
    public enum Sort {
        STARTED("started", Comparator.comparing(TaskRun::startedAt)),
        ENDED("ended", Comparator.comparing(r -> r.endedAt() == null ? Instant.MAX : r.endedAt())),
        DURATION(
                "duration",
                Comparator.comparing(r -> r.durationMillis() == null ? Long.MAX_VALUE : r.durationMillis())),
        TASK("task", Comparator.comparing(TaskRun::taskName).thenComparing(TaskRun::taskId));

        private final String word;
        private final Comparator<TaskRun> order;

        Sort(String word, Comparator<TaskRun> order) {
            this.word = word;
            this.order = order;
        }

        /** @return the word {@code ?sort=} takes */
        public String word() {
            return word;
        }
    }

    /** Newest start first, no search: the list as it always was. */
    public static final RunOrder NEWEST = new RunOrder(null, Sort.STARTED, false);

    /**
     * From query parameters, each null or blank when absent.
     *
     * @param errorText {@code ?error=}: a piece of the error type or message
     * @param sort {@code ?sort=}: started (the default), ended, duration or task
     * @param order {@code ?order=}: desc (the default) or asc
     * @return the search and order
     * @throws IllegalArgumentException naming the parameter whose value is not one it takes
     */
    public static RunOrder of(String errorText, String sort, String order) {
        return new RunOrder(
                blank(errorText) ? null : errorText.trim(), sort(sort), !blank(order) && ascending(order.trim()));
    }

    private static Sort sort(String word) {
        if (blank(word)) {
            return Sort.STARTED;
        }
        for (Sort s : Sort.values()) {
            if (s.word.equals(word.trim().toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new IllegalArgumentException("sort must be started, ended, duration or task, not '" + word.trim() + "'");
    }

    private static boolean ascending(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "asc" -> true;
            case "desc" -> false;
            default -> throw new IllegalArgumentException("order must be asc or desc, not '" + word + "'");
        };
    }

    /**
     * The runs that match the search, in this order.
     *
     * @param runs the runs to search and order
     * @return a new list of those that match
     */
    public List<TaskRun> apply(List<TaskRun> runs) {
        Comparator<TaskRun> order = ascending ? sort.order : sort.order.reversed();
        return runs.stream().filter(this::matches).sorted(order).toList();
    }

    private boolean matches(TaskRun r) {
        if (errorText == null) {
            return true;
        }
        String needle = errorText.toLowerCase(Locale.ROOT);
        return contains(r.errorType(), needle) || contains(r.errorMessage(), needle);
    }

    private static boolean contains(String text, String needle) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(needle);
    }

    /** @return {@code asc} or {@code desc} */
    public String orderWord() {
        return ascending ? "asc" : "desc";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
