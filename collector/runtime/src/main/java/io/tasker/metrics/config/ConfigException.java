package io.tasker.metrics.config;

import java.util.List;

/**
 * The configuration cannot be used. It lists every problem at once, each naming its key, so
 * that an operator fixes them in one go rather than one per restart.
 */
public final class ConfigException extends RuntimeException {
    private final List<String> problems;

    /** Lists every problem of the configuration read from {@code source} (a file or the environment). */
    public ConfigException(String source, List<String> problems) {
        super("Invalid configuration (" + source + "):\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem, naming its key. */
    public List<String> problems() {
        return problems;
    }
}
