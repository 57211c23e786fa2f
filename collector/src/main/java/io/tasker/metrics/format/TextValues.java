package io.tasker.metrics.format;

/** Sample values as text, the same way in every format: {@code 42}, {@code 0.5}, {@code +Inf}, {@code NaN}. */
final class TextValues {
    private TextValues() {
    }

    static String of(double v) {
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
