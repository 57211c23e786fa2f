package io.tasker.metrics.console.chart;

import java.util.List;

/** The time spans of charts and of the Tasks page, as {@code window=} takes them. */
public enum Window {
    M5("5m", 300),
    M15("15m", 900),
    H1("1h", 3600),
    H6("6h", 21_600),
    H24("24h", 86_400),
    D7("7d", 604_800),
    D90("90d", 7_776_000);

    /** The windows a chart offers. */
    public static final List<Window> CHART = List.of(M15, H1, H6, H24, D7, D90);
    /** The windows the Tasks page offers. */
    public static final List<Window> TASKS = List.of(M5, H1, H24);

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
     * @param text a window's word, such as {@code 1h}; null or blank gives {@link #H1}
     * @param allowed the windows this page offers
     * @throws IllegalArgumentException naming the choices
     */
    public static Window parse(String text, List<Window> allowed) {
        if (text == null || text.isBlank()) {
            return H1;
        }
        for (Window w : allowed) {
            if (w.word.equals(text.trim())) {
                return w;
            }
        }
        throw new IllegalArgumentException("window '" + text + "' is not one of "
                + String.join(", ", allowed.stream().map(Window::word).toList()) + "; for example window=1h");
    }
}
