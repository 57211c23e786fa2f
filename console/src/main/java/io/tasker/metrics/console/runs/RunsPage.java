package io.tasker.metrics.console.runs;

import io.tasker.metrics.console.web.Layout;
import io.tasker.metrics.runs.RunQuery;
import io.tasker.metrics.runs.StepSummary;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code runs/runs.jte}: a page of the cluster's recent runs as filtered, searched and sorted (the
 * filter's fields as typed, for the form and the page links), the task names to choose from, and the steps slowest
 * first; {@code error} when the store could not be read.
 */
public record RunsPage(
        Layout layout,
        RunQuery.Selection selection,
        String status,
        String taskName,
        String taskId,
        RunOrder order,
        List<String> taskNames,
        List<StepSummary> steps,
        String error) {

    /**
     * @return the first run's position on this page, counted from 1 (0 when the page is empty)
     */
    public int from() {
        return selection.runs().isEmpty() ? 0 : selection.offset() + 1;
    }

    /** @return the last run's position on this page */
    public int to() {
        return selection.offset() + selection.runs().size();
    }

    /** @return whether runs come before this page */
    public boolean hasPrevious() {
        return selection.offset() > 0;
    }

    /** @return whether runs come after this page */
    public boolean hasNext() {
        return to() < selection.total();
    }

    /**
     * The query string of this filter at another offset; the values are encoded, whatever a link carried in.
     *
     * @param offset the first run of that page
     * @return the query string, without {@code ?}
     */
    public String query(int offset) {
        return "status=" + enc(status) + "&task_name=" + enc(taskName) + "&task_id=" + enc(taskId) + "&error="
                + enc(order.errorText()) + "&sort=" + order.sort().word() + "&order=" + order.orderWord() + "&limit="
                + selection.limit() + "&offset=" + Math.max(0, offset);
    }

    private static String enc(String s) {
        return s == null ? "" : URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
