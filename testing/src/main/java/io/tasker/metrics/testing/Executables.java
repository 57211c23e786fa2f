package io.tasker.metrics.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
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
      * Returns the executable named {@code command} (looked up on {@code PATH}) or at the absolute
      * path {@code command}.
      *
      * @param debianPackage the Debian package that provides it, named in the failure message
      * @throws AssertionError when it is missing, naming the package and {@code bin/test}
      */
    public static Path require(String command, String debianPackage) {
        return find(command).orElseThrow(() -> new AssertionError(missingMessage(command, debianPackage)));
    }

    /** The executable named {@code command} on {@code PATH}, or at that absolute path. */
    public static Optional<Path> find(String command) {
        Path asGiven = Path.of(command);
        if (asGiven.isAbsolute()) {
            return Optional.of(asGiven).filter(Executables::isExecutable);
        }
        return pathEntries().map(dir -> dir.resolve(command)).filter(Executables::isExecutable).findFirst();
    }

    public static Path redisServer() {
        return require("redis-server", "redis-server");
    }

    public static Path memcached() {
        return require("memcached", "memcached");
    }

    public static Path prometheus() {
        return require("prometheus", "prometheus");
    }

    public static Path promtool() {
        return require("promtool", "prometheus");
    }

    public static Path chromium() {
        return require(CHROMIUM, "chromium");
    }

    public static Path chromedriver() {
        return require(CHROMEDRIVER, "chromium-driver");
    }

    static String missingMessage(String command, String debianPackage) {
        String where = Path.of(command).isAbsolute() ? "at " + command : "on PATH (" + System.getenv("PATH") + ")";
        return "Missing executable '" + command + "': not found " + where
                + ". It comes with the Debian package '" + debianPackage + "'. Run bin/test, which installs it"
                + " when run as root, or install it yourself: sudo apt-get install -y " + debianPackage;
    }

    private static Stream<Path> pathEntries() {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(File.pathSeparator)).filter(s -> !s.isEmpty()).map(Path::of);
    }

    private static boolean isExecutable(Path file) {
        return Files.isRegularFile(file) && Files.isExecutable(file);
    }
}
