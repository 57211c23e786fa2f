package io.tasker.metrics.format;

/**
 * Sample values as text, the same way in every format: {@code 42}, {@code 0.5}, {@code +Inf},
 * {@code NaN}. Public so that writers outside this package (JSON, CSV) spell values alike.
 *
 * <pre>{@code
 * String text = TextValues.of(1e3); // "1000"
 * }</pre>
 */
public final class TextValues {
    private TextValues() {}

    /**
     * The value as Prometheus text writes it: integers without a fraction, infinities as {@code +Inf}/{@code -Inf}.
     *
     * @param v the value
     * @return its text
     */
    public static String of(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
