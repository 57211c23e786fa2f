package io.tasker.metrics.benchmarks;

import io.tasker.metrics.Clock;
import io.tasker.metrics.config.ConfigLoader;
import io.tasker.metrics.config.TaskerConfig;
import io.tasker.metrics.console.Console;
import io.tasker.metrics.console.ConsoleSettings;
import io.tasker.metrics.console.web.Ui;
import io.tasker.metrics.testing.FreePorts;
import io.tasker.metrics.testing.Http;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A console started in this JVM as the console's own tests start it: loopback on a free port, a
 * memory store, an in-memory H2 history, a bearer token for scripts, and a temporary export
 * directory. Every setting goes through the contract's environment variables.
 *
 * <pre>{@code
 * try (BenchConsole console = BenchConsole.start()) {
 *     console.sync();
 * }
 * }</pre>
 */
final class BenchConsole implements AutoCloseable {
    private final Console console;
    private final Path exportDir;
    private final String token;

    private BenchConsole(Console console, Path exportDir, String token) {
        this.console = console;
        this.exportDir = exportDir;
        this.token = token;
    }

    static BenchConsole start() throws IOException {
        Path exportDir = Files.createTempDirectory("tasker-bench-console-");
        String token = "bench-" + UUID.randomUUID();
        Map<String, String> env = new HashMap<>();
        env.put("TASKER_CONSOLE_PORT", String.valueOf(FreePorts.next()));
        env.put("TASKER_CONSOLE_DATABASE_URL", "jdbc:h2:mem:bench-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        env.put("TASKER_CACHE_URL", "memory:");
        env.put("TASKER_CONSOLE_TOKEN", token);
        env.put("TASKER_EXPORT_DIR", exportDir.toString());
        // The longest interval the default retention window allows: the benchmark syncs when it
        // means to, and a background sync of 10,000 series at most once in a run of about 80 s.
        env.put("TASKER_SYNC_INTERVAL", "75s");
        TaskerConfig config = ConfigLoader.load(Optional.empty(), env, ConsoleSettings.KEYS);
        return new BenchConsole(Console.start(config, Clock.SYSTEM, false), exportDir, token);
    }

    Console console() {
        return console;
    }

    String base() {
        return "http://127.0.0.1:" + console.port();
    }

    /** {@code POST /api/sync} as a script does it, so that the cluster view holds the registry. */
    void sync() throws IOException {
        Http.Response r = Http.post(base() + Ui.API_SYNC, "Authorization", "Bearer " + token);
        if (r.status() != 200) {
            throw new IllegalStateException("POST " + Ui.API_SYNC + " answered " + r.status() + ": " + r.body());
        }
    }

    @Override
    public void close() throws IOException {
        console.close();
        try (Stream<Path> files = Files.walk(exportDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
