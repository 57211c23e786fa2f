package io.tasker.metrics.console.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

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
        return String.format("%.4g", v);
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
