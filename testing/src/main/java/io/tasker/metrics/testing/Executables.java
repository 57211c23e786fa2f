package io.tasker.metrics.testing;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Finds the executables that tests run, and fails with what to install when one is missing.
 *
 * <p>Tests must fail, never skip, when a tool is missing: a skipped test reads as a pass in CI.
 *
 * <p>{@code Path promtool = Executables.require("promtool", "prometheus");}
 */
public final class Executables {

    /** Debian's Chromium, at the path the browser tests drive. */
    public static final String CHROMIUM = "/usr/bin/chromium";
    /** Debian's chromedriver, at the path the browser tests drive. */
    public static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private Executables() {}

    /**
     * A program that is not installed. An {@link AssertionError}, so that a test fails on it rather
     * than erroring out; a benchmark catches it to exit with the message, which names the package.
     */
    public static final class MissingExecutableError extends AssertionError {

        private static final long serialVersionUID = 1L;

        /** The Debian package that provides the missing program. */
        private final String debianPackage;

        MissingExecutableError(String command, String debianPackage) {
            super(missingMessage(command, debianPackage));
            this.debianPackage = debianPackage;
        }

        /**
         * The Debian package to install.
         *
         * @return the package's name
         */
        public String debianPackage() {
            return debianPackage;
        }
    }

    /**
     * Returns the executable named {@code command} (looked up on {@code PATH}) or at the absolute
     * path {@code command}.
     *
     * @param command a program name, or an absolute path
     * @param debianPackage the Debian package that provides it, named in the failure message
     * @return the executable's path
     * @throws MissingExecutableError when it is missing, naming the package and {@code bin/test}
     */
    public static Path require(String command, String debianPackage) {
        return find(command).orElseThrow(() -> new MissingExecutableError(command, debianPackage));
    }

    /**
     * The executable named {@code command} on {@code PATH}, or at that absolute path.
     *
     * @param command a program name, or an absolute path
     * @return the executable's path, or empty when there is none
     */
    public static Optional<Path> find(String command) {
        Path asGiven = Path.of(command);
        if (asGiven.isAbsolute()) {
            return Optional.of(asGiven).filter(Executables::isExecutable);
        }
        return pathEntries()
                .map(dir -> dir.resolve(command))
                .filter(Executables::isExecutable)
                .findFirst();
    }

    /**
     * {@code redis-server} on {@code PATH}.
     *
     * @return its path
     * @throws MissingExecutableError when it is not installed
     */
    public static Path redisServer() {
        return require("redis-server", "redis-server");
    }

    /**
     * {@code memcached} on {@code PATH}.
     *
     * @return its path
     * @throws MissingExecutableError when it is not installed
     */
    public static Path memcached() {
        return require("memcached", "memcached");
    }

    /**
     * {@code prometheus} on {@code PATH}.
     *
     * @return its path
     * @throws MissingExecutableError when it is not installed
     */
    public static Path prometheus() {
        return require("prometheus", "prometheus");
    }

    /**
     * {@code promtool} on {@code PATH}, from Debian's prometheus package.
     *
     * @return its path
     * @throws MissingExecutableError when it is not installed
     */
    public static Path promtool() {
        return require("promtool", "prometheus");
    }

    /**
     * Chromium at {@value #CHROMIUM}.
     *
     * @return its path
     * @throws MissingExecutableError when it is not installed
     */
    public static Path chromium() {
        return require(CHROMIUM, "chromium");
    }

    /**
     * chromedriver at {@value #CHROMEDRIVER}.
     *
     * @return its path
     * @throws MissingExecutableError when it is not installed
     */
    public static Path chromedriver() {
        return require(CHROMEDRIVER, "chromium-driver");
    }

    /**
     * The first line a command prints (standard output and error together), trimmed: a program's
     * version, {@code nproc}'s count. For report headers, which should not fail for it: when the
     * command cannot run, the answer says why, in parentheses.
     *
     * <p>{@code String version = Executables.firstLine(Executables.memcached().toString(), "-V");}
     *
     * @param command the program and its arguments
     * @return the first line, empty when there is none, or why the command failed in parentheses
     */
    public static String firstLine(String... command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            try (BufferedReader output =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line = output.readLine();
                process.waitFor(10, TimeUnit.SECONDS);
                return line == null ? "" : line.trim();
            }
        } catch (IOException e) {
            return "(" + String.join(" ", command) + " failed: " + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(" + String.join(" ", command) + " interrupted)";
        }
    }

    static String missingMessage(String command, String debianPackage) {
        String where = Path.of(command).isAbsolute() ? "at " + command : "on PATH (" + System.getenv("PATH") + ")";
        return "Missing executable '" + command + "': not found " + where
                + ". It comes with the Debian package '" + debianPackage + "'. Run bin/test, which installs it"
                + " when run as root, or install it yourself: sudo apt-get install -y " + debianPackage;
    }

    private static Stream<Path> pathEntries() {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(File.pathSeparator))
                .filter(s -> !s.isEmpty())
                .map(Path::of);
    }

    private static boolean isExecutable(Path file) {
        return Files.isRegularFile(file) && Files.isExecutable(file);
    }
}
