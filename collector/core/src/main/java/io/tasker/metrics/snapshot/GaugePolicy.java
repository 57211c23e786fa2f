package io.tasker.metrics.snapshot;

/**
 * How the cluster view combines the values that several instances report for one gauge series.
 * Chosen per gauge at definition ({@code Gauge.builder(name).policy(GaugePolicy.SUM)}).
 */
public enum GaugePolicy {
    /** The value written most recently by any instance (the default). */
    LAST,
    /** The sum over instances, for quantities that add up such as in-flight tasks. */
    SUM,
    /** The largest value any instance reports. */
    MAX,
    /** The smallest value any instance reports. */
    MIN;

    /**
     * Combines a value into the running result; {@code first} when there is none yet.
     *
     * @param result the result so far (ignored when {@code first})
     * @param resultTime when the result's value was written, in epoch milliseconds
     * @param value the instance's value to combine
     * @param valueTime when that value was written, in epoch milliseconds
     * @param first whether this is the first value, so that there is no result yet
     * @return the new result: {@code value} when first, else by this policy
     */
    public double combine(double result, long resultTime, double value, long valueTime, boolean first) {
        if (first) {
            return value;
        }
        return switch (this) {
            case LAST -> valueTime >= resultTime ? value : result;
            case SUM -> result + value;
            case MAX -> Math.max(result, value);
            case MIN -> Math.min(result, value);
        };
    }
}
