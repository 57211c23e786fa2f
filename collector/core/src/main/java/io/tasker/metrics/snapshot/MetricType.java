package io.tasker.metrics.snapshot;

/** The three instrument kinds, with the type word each exposition format uses. */
public enum MetricType {
    /** A cumulative count that only goes up. */
    COUNTER("counter"),
    /** A value that goes up and down. */
    GAUGE("gauge"),
    /** Observations counted into buckets, with their sum and an optional quantile sketch. */
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
