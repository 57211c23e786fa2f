package io.tasker.metrics.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them in configuration: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 1d}. */
public final class Durations {
    private static final Pattern FORMAT = Pattern.compile("(\\d+)(ms|s|m|h|d)");
    /** Ten years: longer is a typo, and far longer would not fit in the arithmetic done with it. */
    static final Duration LONGEST = Duration.ofDays(3650);

    private Durations() {}

    /**
     * Reads a duration written as a whole number and a unit: {@code ms}, {@code s}, {@code m},
     * {@code h} or {@code d}; at most ten years.
     *
     * @param text the written duration
     * @return the duration
     * @throws IllegalArgumentException for anything else, with an example
     */
    public static Duration parse(String text) {
        Matcher m = FORMAT.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a duration; write it like 500ms, 30s, 5m, 2h or 1d");
        }
        // Digits beyond a long, or a long beyond what Duration holds, are a duration too long, not a non-number.
        try {
            long n = Long.parseLong(m.group(1));
            Duration d = switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
            if (d.compareTo(LONGEST) <= 0) {
                return d;
            }
        } catch (NumberFormatException | ArithmeticException tooLong) {
            // Reported below.
        }
        throw new IllegalArgumentException(
                "'" + text + "' is longer than " + format(LONGEST) + ", the longest duration a setting takes");
    }

    /**
     * The shortest of those forms that says {@code d} exactly.
     *
     * @param d the duration
     * @return its text, such as {@code 5m} or {@code 1500ms}
     */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms % 86_400_000 == 0 && ms > 0) {
            return ms / 86_400_000 + "d";
        }
        if (ms % 3_600_000 == 0 && ms > 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0 && ms > 0) {
            return ms / 60_000 + "m";
        }
        return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }
}
