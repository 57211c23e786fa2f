package io.tasker.metrics.sync;

/**
 * Syncs that failed in a row for the same reason. A reason is the error with its numbers left
 * out, so that "bucket -338 holds 1" and "bucket -12 holds 4" are one reason. At the threshold
 * the writer starts over, once per streak: should starting over not cure it, repeating it every
 * few syncs would only churn ids.
 */
final class FailureStreak {
    private final int threshold;
    private String reason;
    private int count;

    FailureStreak(int threshold) {
        this.threshold = threshold;
    }

    void succeeded() {
        reason = null;
        count = 0;
    }

    /** Counts a failure; returns how many in a row failed for this reason, this one included. */
    int failed(String error) {
        String r = String.valueOf(error).replaceAll("\\d+", "#");
        count = r.equals(reason) ? count + 1 : 1;
        reason = r;
        return count;
    }

    /** Whether the failure just counted reached the threshold. */
    boolean recoverNow() {
        return count == threshold;
    }
}
