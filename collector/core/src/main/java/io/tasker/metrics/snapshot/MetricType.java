package io.tasker.metrics.snapshot;

/** The three instrument kinds, with the type word each exposition format uses. */
public enum MetricType {
    /** A value that only goes up. */
    COUNTER("counter"),
    /** A value that goes up and down. */
    GAUGE("gauge"),
    /** A distribution of observations in buckets. */
    HISTOGRAM("histogram");

    private final String word;

    MetricType(String word) {
        this.word = word;
    }

    /**
     * The word in a {@code # TYPE} line and in JSON and CSV output.
     *
     * @return {@code counter}, {@code gauge} or {@code histogram}
     */
    public String word() {
        return word;
    }
}
