package io.tasker.metrics.config;

import java.util.List;

/**
 * The configuration cannot be used. It lists every problem at once, each naming its key, so
 * that an operator fixes them in one go rather than one per restart.
 */
public final class ConfigException extends RuntimeException {
    /** Every problem found, each naming its key. */
    private final List<String> problems;

    /**
     * An exception whose message lists every problem under the name of the source.
     *
     * @param source where the configuration came from, such as the file's path
     * @param problems every problem found, each naming its key
     */
    public ConfigException(String source, List<String> problems) {
        super("Invalid configuration (" + source + "):\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    /**
     * The problems, one per entry.
     *
     * @return every problem found, each naming its key
     */
    public List<String> problems() {
        return problems;
    }
}
