package io.tasker.metrics;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/** Validation of metric and label names at definition time, with messages that name the metric. */
final class Names {
    private static final Pattern METRIC = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    /** The label that marks the series into which over-limit label combinations are folded. */
    static final String OVERFLOW_LABEL = "tasker_overflow";

    private Names() {}

    static void checkMetricName(String name) {
        if (name == null || !METRIC.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "Invalid metric name '" + name + "': use [a-zA-Z_:][a-zA-Z0-9_:]*, such as task_executions_total");
        }
    }

    static void checkLabelNames(String metric, String[] labelNames, boolean histogram) {
        Set<String> seen = new HashSet<>();
        for (String label : labelNames) {
            if (label == null || !LABEL.matcher(label).matches()) {
                throw new IllegalArgumentException(
                        "Invalid label name '" + label + "' for metric " + metric + ": use [a-zA-Z_][a-zA-Z0-9_]*");
            }
            if (label.startsWith("__")) {
                throw new IllegalArgumentException("Label name '" + label + "' of metric " + metric
                        + " starts with '__', which Prometheus reserves for itself");
            }
            if (label.equals(OVERFLOW_LABEL) || (histogram && label.equals("le"))) {
                throw new IllegalArgumentException(
                        "Label name '" + label + "' of metric " + metric + " is reserved; choose another name");
            }
            if (!seen.add(label)) {
                throw new IllegalArgumentException("Label name '" + label + "' appears twice for metric " + metric
                        + ": " + Arrays.toString(labelNames));
            }
        }
    }

    /** A help text for metrics defined without one, so that every family has a HELP line. */
    static String defaultHelp(String name) {
        return name.replace('_', ' ').replace(':', ' ').trim();
    }
}
