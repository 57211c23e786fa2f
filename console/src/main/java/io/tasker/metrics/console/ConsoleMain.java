package io.tasker.metrics.console;

import io.tasker.metrics.Clock;
import io.tasker.metrics.config.ConfigException;
import io.tasker.metrics.config.ConfigLoader;
import io.tasker.metrics.config.TaskerConfig;
import io.tasker.metrics.console.config.ConsoleSettings;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;

/**
 * {@code bin/console [--demo] [--open] [--port N] [--config FILE] [--env NAME]}: starts the console (port 7070 by
 * default) on the configuration's store, or on embedded defaults (memory store, H2 under
 * {@code ./data}) with none. Exit 2 on a usage or configuration error.
 */
public final class ConsoleMain {
    /** The flags, as the usage line and docs/configuration.md show them. */
    static final String USAGE = "bin/console [--demo] [--open] [--port N] [--config FILE] [--env NAME]";

    private ConsoleMain() {}

    public static void main(String[] args) throws InterruptedException {
        boolean demo = false;
        boolean open = false;
        Path config = null;
        Map<String, String> env = new HashMap<>(System.getenv());
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--demo" -> demo = true;
                    case "--open" -> open = true;
                    case "--port" -> env.put("TASKER_CONSOLE_PORT", value(args, ++i, "--port"));
                    case "--config" -> config = Path.of(value(args, ++i, "--config"));
                    case "--env" -> env.put("TASKER_ENV", value(args, ++i, "--env"));
                    case "--help", "-h" -> {
                        System.out.println("Usage: " + USAGE);
                        return;
                    }
                    default -> throw new IllegalArgumentException("Unknown option " + args[i] + "; usage: " + USAGE);
                }
            }
            if (demo) {
                // The demo shows the whole cycle: exports run by themselves, into ./exports.
                env.putIfAbsent("TASKER_SCHEDULED_EXPORT", "true");
            }
            TaskerConfig loaded = ConfigLoader.load(Optional.ofNullable(config), env, ConsoleSettings.KEYS);
            Console console = Console.start(loaded, Clock.SYSTEM, demo);
            Runtime.getRuntime().addShutdownHook(new Thread(console::close, "console-shutdown"));
            String url = url(ConsoleSettings.from(loaded).host(), console.port());
            System.out.println("Tasker Metrics console: " + url + (demo ? "  (demo workload running)" : ""));
            if (open) {
                System.out.println(BrowserOpener.open(url, System.getenv()));
            }
            awaitDatabase(console);
            new CountDownLatch(1).await();
        } catch (ConfigException | IllegalArgumentException | IllegalStateException e) {
            System.err.println("console: " + e.getMessage());
            System.exit(2);
        }
    }

    /**
     * Serves on while the database is waited for (another console still holds the H2 file); when
     * the wait gives up, exits 2 with the reason, as a console that could not open its
     * database at start does.
     */
    private static void awaitDatabase(Console console) {
        try {
            console.databaseReady().join();
        } catch (CompletionException e) {
            // The exit runs the shutdown hook, which closes the console.
            throw e.getCause() instanceof IllegalStateException ise ? ise : new IllegalStateException(e.getCause());
        }
    }

    /**
     * The address a browser opens: an IPv6 literal in brackets ({@code http://[::1]:7070/}), its
     * zone's {@code %} encoded as RFC 6874 says; {@code http://::1:7070/} names no host at all.
     */
    static String url(String host, int port) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return "http://" + (h.contains(":") ? "[" + h.replace("%", "%25") + "]" : h) + ":" + port + "/";
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }
}
