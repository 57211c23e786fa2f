package io.tasker.metrics.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.tasker.metrics.Clock;
import io.tasker.metrics.config.ConfigLoader;
import io.tasker.metrics.config.TaskerConfig;
import io.tasker.metrics.runtime.TaskerRuntime;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What every command starts from: the configuration, checked for what a separate process can
 * use, and a runtime that observes the cluster without being one of its instances.
 */
final class CliContext {
    /** What {@code --json} prints with: ISO-8601 times, indented. */
    static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);
    /** The console reads the same file; its section is the console's to check, not ours. */
    private static final Set<String> CONSOLE_SECTION = Set.of("console");

    private CliContext() {}

    /**
     * @throws IllegalArgumentException (exit 2) for the memory store, which another process cannot see
     */
    static TaskerConfig config(Path file, Map<String, String> env) {
        TaskerConfig config = ConfigLoader.load(Optional.ofNullable(file), env, List.of(), CONSOLE_SECTION);
        if (config.cache().url().trim().toLowerCase(Locale.ROOT).startsWith("memory:")) {
            throw new IllegalArgumentException("cache.url is memory:, but tasker-metrics runs as a process of its own "
                    + "and cannot see the memory of the processes that record metrics. Set TASKER_CACHE_URL (or "
                    + "cache.url) to the store your services sync to: redis://host:6379/0, memcached://host:11211 "
                    + "or file:///shared/directory.");
        }
        return config;
    }

    static TaskerRuntime runtime(TaskerConfig config) {
        return TaskerRuntime.start(config, Clock.SYSTEM, TaskerRuntime.Mode.OBSERVER);
    }
}
