package io.tasker.metrics.console.chart;

import java.util.Arrays;
import java.util.List;

/** The time spans a chart can show, as {@code window=} takes them. */
public enum Window {
    M15("15m", 900), H1("1h", 3600), H6("6h", 21_600), H24("24h", 86_400), D7("7d", 604_800), D90("90d", 7_776_000);

    /** The words, in order, for pickers and error messages. */
    public static final List<String> WORDS = Arrays.stream(values()).map(Window::word).toList();

    private final String word;
    private final long seconds;

    Window(String word, long seconds) {
        this.word = word;
        this.seconds = seconds;
    }

    public String word() {
        return word;
    }

    public long seconds() {
        return seconds;
    }

    /**
     * @param text {@code 15m}, {@code 1h}, {@code 6h}, {@code 24h}, {@code 7d} or {@code 90d}; null or blank gives {@code fallback}
     * @throws IllegalArgumentException naming the choices
     */
    public static Window parse(String text, Window fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        for (Window w : values()) {
            if (w.word.equals(text.trim())) {
                return w;
            }
        }
        throw new IllegalArgumentException("window '" + text + "' is not one of " + String.join(", ", WORDS)
                + "; for example window=1h");
    }
}
