package io.tasker.metrics.console.tasks;

import java.util.Arrays;
import java.util.List;

/** The windows of the Tasks page, as {@code window=} takes them. */
public enum TaskWindow {
    M5("5m", 300), H1("1h", 3600), H24("24h", 86_400);

    public static final List<String> WORDS = Arrays.stream(values()).map(TaskWindow::word).toList();

    private final String word;
    private final long seconds;

    TaskWindow(String word, long seconds) {
        this.word = word;
        this.seconds = seconds;
    }

    public String word() {
        return word;
    }

    public long seconds() {
        return seconds;
    }

    /** @throws IllegalArgumentException naming the choices */
    public static TaskWindow parse(String text) {
        if (text == null || text.isBlank()) {
            return H1;
        }
        for (TaskWindow w : values()) {
            if (w.word.equals(text.trim())) {
                return w;
            }
        }
        throw new IllegalArgumentException("window '" + text + "' is not one of " + String.join(", ", WORDS)
                + "; for example " + "window=1h");
    }
}
