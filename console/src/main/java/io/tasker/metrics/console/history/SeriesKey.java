package io.tasker.metrics.console.history;

import io.tasker.metrics.snapshot.Labels;

/**
 * One series of the history: a family's base name (a counter's without {@code _total}) and its
 * labels as the metric table shows them, {@code status="failure", task_name="payment"}.
 *
 * @param kind {@code counter}, {@code gauge} or {@code histogram}
 * @param bounds a histogram's bucket bounds, comma-separated; null otherwise
 */
public record SeriesKey(String name, String labels, String kind, String bounds) {
    /**
     * Labels as the metric table shows them and the history keys series by:
     * {@code status="failure", task_name="payment"}, values escaped as in Prometheus text.
     */
    public static String labelsText(Labels labels) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < labels.size(); i++) {
            String value =
                    labels.value(i).replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
            sb.append(i == 0 ? "" : ", ")
                    .append(labels.name(i))
                    .append("=\"")
                    .append(value)
                    .append('"');
        }
        return sb.toString();
    }

    /** The key a lookup needs: name and labels (kind and bounds do not tell series apart). */
    public String id() {
        return name + '{' + labels + '}';
    }
}
