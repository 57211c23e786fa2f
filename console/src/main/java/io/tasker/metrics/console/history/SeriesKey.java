package io.tasker.metrics.console.history;

/**
 * One series of the history: a family's base name (a counter's without {@code _total}) and its
 * labels as the metric table shows them, {@code status="failure", task_name="payment"}.
 *
 * @param kind {@code counter}, {@code gauge} or {@code histogram}
 * @param bounds a histogram's bucket bounds, comma-separated; null otherwise
 */
public record SeriesKey(String name, String labels, String kind, String bounds) {
    /** The key a lookup needs: name and labels (kind and bounds do not tell series apart). */
    public String id() {
        return name + '{' + labels + '}';
    }
}
