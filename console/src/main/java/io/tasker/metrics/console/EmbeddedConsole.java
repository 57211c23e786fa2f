package io.tasker.metrics.console;

import io.tasker.metrics.Clock;
import io.tasker.metrics.config.ConfigLoader;
import io.tasker.metrics.config.TaskerConfig;
import io.tasker.metrics.console.config.ConsoleSettings;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A console started inside another program, isolated from everything around it: a free loopback
 * port, its own in-memory H2 database, its own namespace in the store, a bearer token, and only
 * the settings given here (the machine's environment is never read). What tests, benchmarks and
 * an application's own integration tests start a console with.
 *
 * <pre>{@code
 * try (EmbeddedConsole console = EmbeddedConsole.builder(exportDir).demo(true).start()) {
 *     HttpRequest.newBuilder(URI.create(console.url("/health/ready")));
 * }
 * }</pre>
 */
public final class EmbeddedConsole implements AutoCloseable {
    private final Console console;
    private final Path exportDir;
    private final String token;

    private EmbeddedConsole(Console console, Path exportDir, String token) {
        this.console = console;
        this.exportDir = exportDir;
        this.token = token;
    }

    /** @param exportDir where exports go; the caller owns it (a test's temporary directory) */
    public static Builder builder(Path exportDir) {
        return new Builder(exportDir);
    }

    public Console console() {
        return console;
    }

    /** {@code http://127.0.0.1:port} */
    public String base() {
        return "http://127.0.0.1:" + console.port();
    }

    public String url(String path) {
        return base() + path;
    }

    public Path exportDir() {
        return exportDir;
    }

    /** The bearer token scripts send, or null when the builder took it away. */
    public String token() {
        return token;
    }

    @Override
    public void close() {
        console.close();
    }

    /** The settings of a console to start; every one is an environment variable of the contract. */
    public static final class Builder {
        private final Map<String, String> env = new HashMap<>();
        private Clock clock = Clock.SYSTEM;
        private boolean demo;

        private Builder(Path exportDir) {
            env.put("TASKER_EXPORT_DIR", exportDir.toString());
            env.put("TASKER_CONSOLE_PORT", "0");
            env.put("TASKER_CONSOLE_DATABASE_URL", "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
            env.put("TASKER_CACHE_URL", "memory:");
            env.put("TASKER_CACHE_NAMESPACE", "t" + UUID.randomUUID().toString().substring(0, 8));
            env.put("TASKER_CONSOLE_TOKEN", "token-" + UUID.randomUUID());
            // The caller syncs when it means to; a background sync 30 s in would only blur what it sees.
            env.put("TASKER_SYNC_INTERVAL", "75s");
            // Callers record exports of fixed past dates; retention at start would delete them under them.
            env.put("TASKER_CONSOLE_HISTORY_RETENTION", "3650d");
        }

        public Builder env(String key, String value) {
            env.put(key, value);
            return this;
        }

        public Builder without(String key) {
            env.remove(key);
            return this;
        }

        public Builder clock(Clock c) {
            clock = c;
            return this;
        }

        /** Runs the demo workload, as {@code bin/console --demo} does. */
        public Builder demo(boolean on) {
            demo = on;
            return this;
        }

        public Builder cacheUrl(String url) {
            return env("TASKER_CACHE_URL", url);
        }

        public Builder databaseUrl(String url) {
            return env("TASKER_CONSOLE_DATABASE_URL", url);
        }

        /** The configuration the console will start with. */
        public TaskerConfig config() {
            return ConfigLoader.load(Optional.empty(), Map.copyOf(env), ConsoleSettings.KEYS);
        }

        public EmbeddedConsole start() {
            return new EmbeddedConsole(
                    Console.start(config(), Map.copyOf(env), clock, demo),
                    Path.of(env.get("TASKER_EXPORT_DIR")),
                    env.get("TASKER_CONSOLE_TOKEN"));
        }
    }
}
