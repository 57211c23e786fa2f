package io.tasker.metrics.console.web;

import java.time.Duration;
import java.time.Instant;

/**
 * A time as an age, {@code 12 s ago}, for the tables where the question is "how long since";
 * the templates put the absolute time beside it on hover ({@code tag/ago.jte}).
 */
public final class Ago {
    private Ago() {}

    /** {@code 12 s ago}, {@code 5 min ago}, {@code 3 h ago}, {@code 2 d ago}; {@code in 4 s} for a time ahead of now. */
    public static String of(Instant t, Instant now) {
        if (t == null) {
            return "never";
        }
        long s = Duration.between(t, now).toSeconds();
        String span = span(Math.abs(s));
        return s < 0 ? "in " + span : span + " ago";
    }

    private static String span(long s) {
        if (s < 120) {
            return s + " s";
        }
        if (s < 7200) {
            return s / 60 + " min";
        }
        return s < 172_800 ? s / 3600 + " h" : s / 86_400 + " d";
    }
}
