package io.tasker.metrics.snapshot;

/** The three instrument kinds, with the type word each exposition format uses. */
public enum MetricType {
    COUNTER("counter"),
    GAUGE("gauge"),
    HISTOGRAM("histogram");

    private final String word;

    MetricType(String word) {
        this.word = word;
    }

    /** The word in a {@code # TYPE} line and in JSON and CSV output. */
    public String word() {
        return word;
    }
}
