package io.tasker.metrics.console.history;

/**
 * The bounds of the history's columns ({@code migrations/V3__value_history.sql}), checked before
 * a series is written: a series past one is skipped on its own, where the database would refuse
 * the whole batch and with it every other series of the tick.
 */
final class HistoryColumns {
    static final int NAME = 256;
    static final int LABELS = 2048;
    static final int BOUNDS = 1024;
    /** {@code buckets VARBINARY(2048)}, 8 bytes a bucket. */
    static final int BUCKETS = 2048 / Long.BYTES;

    private HistoryColumns() {}

    /** Why {@code key} cannot be stored, or null when every part of it fits. */
    static String misfit(SeriesKey key) {
        if (key.name().length() > NAME) {
            return tooLong("name", key.name().length(), NAME);
        }
        if (key.labels().length() > LABELS) {
            return tooLong("labels", key.labels().length(), LABELS);
        }
        if (key.bounds() == null) {
            return null;
        }
        if (key.bounds().length() > BOUNDS) {
            return tooLong("bucket bounds", key.bounds().length(), BOUNDS);
        }
        // The bounds, and +Inf when the list does not end with it.
        int buckets = key.bounds().split(",", -1).length + 1;
        return buckets > BUCKETS ? "it has " + buckets + " buckets; the history holds " + BUCKETS : null;
    }

    private static String tooLong(String part, int length, int max) {
        return "its " + part + " take " + length + " characters; the column holds " + max;
    }
}
