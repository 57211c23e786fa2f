package io.tasker.metrics.console;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code bin/console --open}: opens the console in the desktop's default browser with
 * {@code xdg-open} (Linux, BSD) or {@code open} (macOS), and says so plainly where there is no
 * desktop (a server, a container, an SSH session without a display).
 *
 * <pre>{@code
 * System.out.println(BrowserOpener.open("http://127.0.0.1:7070/", System.getenv()));
 * }</pre>
 */
final class BrowserOpener {
    private BrowserOpener() {}

    /** Opens {@code url} when it can; returns the sentence to print either way. */
    static String open(String url, Map<String, String> env) {
        Optional<List<String>> command = command(System.getProperty("os.name", ""), env, url);
        if (command.isEmpty()) {
            return "console: no desktop browser here (no DISPLAY or WAYLAND_DISPLAY, or no xdg-open/open on the PATH); "
                    + "open " + url + " yourself";
        }
        try {
            ProcessBuilder pb = new ProcessBuilder(command.get())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            pb.environment().putAll(env);
            pb.start();
            return "console: opened " + url + " with " + command.get().get(0);
        } catch (IOException e) {
            return "console: could not start " + command.get().get(0) + " (" + e.getMessage() + "); open " + url
                    + " yourself";
        }
    }

    /** The command that opens a URL on this system, or empty where there is no desktop to open it on. */
    static Optional<List<String>> command(String osName, Map<String, String> env, String url) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return onPath("open", env).map(p -> List.of(p, url));
        }
        if (os.contains("win")) {
            return Optional.of(List.of("rundll32", "url.dll,FileProtocolHandler", url));
        }
        boolean desktop = !env.getOrDefault("DISPLAY", "").isBlank()
                || !env.getOrDefault("WAYLAND_DISPLAY", "").isBlank();
        return desktop ? onPath("xdg-open", env).map(p -> List.of(p, url)) : Optional.empty();
    }

    private static Optional<String> onPath(String program, Map<String, String> env) {
        for (String dir : env.getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, program);
            if (Files.isExecutable(p)) {
                return Optional.of(p.toString());
            }
        }
        return Optional.empty();
    }
}
