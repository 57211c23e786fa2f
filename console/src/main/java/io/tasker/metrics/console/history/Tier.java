package io.tasker.metrics.console.history;

import java.time.Duration;
import java.util.Locale;

/** The steps of the history, finest first: each tier is rolled up from the one before it. */
public enum Tier {
    RAW(0),
    MINUTE(60),
    HOUR(3600),
    DAY(86_400);

    private final long fixedSeconds;

    Tier(long fixedSeconds) {
        this.fixedSeconds = fixedSeconds;
    }

    /** The width of one row of this tier; the raw tier's is the sample interval. */
    public long seconds(Duration sampleInterval) {
        return this == RAW ? sampleInterval.getSeconds() : fixedSeconds;
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The tier this one is rolled up from, or null for the raw one. */
    public Tier finer() {
        return this == RAW ? null : values()[ordinal() - 1];
    }
}
