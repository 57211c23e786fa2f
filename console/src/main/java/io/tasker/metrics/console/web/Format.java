package io.tasker.metrics.console.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the templates show times, durations, numbers and sizes. */
public final class Format {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private Format() {}

    public static String time(Instant t) {
        return t == null ? "never" : TIME.format(t);
    }

    /** {@code 42 s}, {@code 5 min}, {@code 3 h}. */
    public static String duration(Duration d) {
        if (d == null) {
            return "-";
        }
        long s = Math.abs(d.toSeconds());
        if (s < 120) {
            return d.toMillis() < 10_000 && s < 10 ? d.toMillis() + " ms" : s + " s";
        }
        return s < 7200 ? s / 60 + " min" : s / 3600 + " h";
    }

    public static String number(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format("%,d", (long) v);
        }
        // Large values with a fraction in plain digits: "%.4g" would show 1.797e+09.
        return Math.abs(v) >= 1e4 && Math.abs(v) < 1e15
                ? String.format(Locale.ROOT, "%,.1f", v)
                : String.format(Locale.ROOT, "%.4g", v);
    }

    /**
     * A metric's value as the table shows it: a date for a timestamp (the {@code _timestamp_seconds}
     * and {@code _time_seconds} of Prometheus's naming), else {@link #number(double)}.
     */
    public static String value(String metric, double v) {
        boolean timestamp = metric.endsWith("_timestamp_seconds") || metric.endsWith("_time_seconds");
        if (timestamp && v > 0 && v < 1e11) {
            return time(Instant.ofEpochMilli(Math.round(v * 1000)));
        }
        return number(v);
    }

    public static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        return n < 1024 * 1024 ? String.format("%.1f KiB", n / 1024.0) : String.format("%.1f MiB", n / 1048576.0);
    }

    public static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }
}
