package io.tasker.metrics.examples.verify;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What the tests know about the build: the checkout, the version, the local repository, where each
 * published artifact is built, and how to run a child process. The surefire configuration in
 * examples/verify/pom.xml passes the system properties.
 */
final class Build {
    /** A published artifact, the folder it is built in, and whether it is a pom (no jar). */
    record Artifact(String artifactId, String folder, boolean pomOnly) {
        Path dir() {
            return repo().resolve(folder).normalize();
        }

        Path target() {
            return dir().resolve("target");
        }

        /** The jar, sources jar or javadoc jar in target/: classifier null for the main jar. */
        Path jar(String classifier) {
            return target().resolve(
                            artifactId + "-" + version() + (classifier == null ? "" : "-" + classifier) + ".jar");
        }

        /** Where mvn install put a file of this artifact, e.g. extension "jar" or "pom". */
        Path installed(String extension) {
            return localRepository()
                    .resolve("io/tasker/metrics")
                    .resolve(artifactId)
                    .resolve(version())
                    .resolve(artifactId + "-" + version() + "." + extension);
        }
    }

    /** Every artifact published to Maven Central, in the order of docs/architecture.md's table, then the parent. */
    static final List<Artifact> PUBLISHED = List.of(
            new Artifact("tasker-metrics-core", "collector/core", false),
            new Artifact("tasker-metrics-formats", "collector/formats", false),
            new Artifact("tasker-metrics-sync", "collector/sync", false),
            new Artifact("tasker-metrics-store-redis", "collector/store-redis", false),
            new Artifact("tasker-metrics-store-memcached", "collector/store-memcached", false),
            new Artifact("tasker-metrics-events", "collector/events", false),
            new Artifact("tasker-metrics-export", "collector/export", false),
            new Artifact("tasker-metrics-runtime", "collector/runtime", false),
            new Artifact("tasker-metrics-micrometer", "micrometer", false),
            new Artifact("tasker-metrics-subscribers", "subscribers", false),
            new Artifact("tasker-metrics-servlet", "collector/servlet", false),
            new Artifact("tasker-metrics-spring-boot-autoconfigure", "spring-boot/autoconfigure", false),
            new Artifact("tasker-metrics-spring-boot-starter", "spring-boot/starter", false),
            new Artifact("tasker-metrics-testing", "testing", false),
            new Artifact("tasker-metrics-bom", "bom", true),
            new Artifact("tasker-metrics-parent", ".", true));

    private Build() {}

    static List<Artifact> publishedJars() {
        return PUBLISHED.stream().filter(a -> !a.pomOnly()).toList();
    }

    static Artifact published(String artifactId) {
        return PUBLISHED.stream()
                .filter(a -> a.artifactId().equals(artifactId))
                .findFirst()
                .orElseThrow();
    }

    /** The checkout's root folder. */
    static Path repo() {
        return Path.of(property("tasker.repo")).toAbsolutePath().normalize();
    }

    /** The version this build makes, from the pom (never written down in a test). */
    static String version() {
        return property("tasker.version");
    }

    /** The local repository this build installs into, which the child builds must use too. */
    static Path localRepository() {
        return localRepositoryProperty()
                .map(Path::of)
                .orElse(Path.of(System.getProperty("user.home"), ".m2", "repository"));
    }

    static Optional<String> localRepositoryProperty() {
        return Optional.ofNullable(System.getProperty("maven.repo.local")).filter(s -> !s.isBlank());
    }

    /** This module's target folder: every file a test writes goes under target/it. */
    static Path workDir(String name) throws IOException {
        return Files.createDirectories(
                repo().resolve("examples/verify/target/it").resolve(name));
    }

    /** The mvn of the Maven that runs this build, else mvn on the PATH. */
    static String mvn() {
        String home = System.getProperty("maven.home");
        if (home != null && !home.isBlank() && Files.isExecutable(Path.of(home, "bin", "mvn"))) {
            return Path.of(home, "bin", "mvn").toString();
        }
        return "mvn";
    }

    /** mvn, batch mode and quiet, with the local repository of this build. */
    static List<String> mvnCommand(String... args) {
        List<String> command = new ArrayList<>(List.of(mvn(), "-B", "-q", "-Dstyle.color=never"));
        localRepositoryProperty().ifPresent(r -> command.add("-Dmaven.repo.local=" + r));
        command.addAll(List.of(args));
        return command;
    }

    /** The java of this JVM. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            fail("system property " + name
                    + " is not set; run these tests through Maven (examples/verify/pom.xml sets it)");
        }
        return value;
    }

    /** A finished child process: its exit code and everything it wrote (standard output and error together). */
    record Result(int exitCode, String output, Path log) {
        /** The last lines of the output, for a failure message. */
        String tail() {
            List<String> lines = output.lines().toList();
            int from = Math.max(0, lines.size() - 40);
            return "--- last " + (lines.size() - from) + " lines of " + log + " ---\n"
                    + String.join("\n", lines.subList(from, lines.size()));
        }

        Result assertSucceeded(String what) {
            assertTrue(exitCode == 0, what + " exited with " + exitCode + "\n" + tail());
            return this;
        }
    }

    /**
     * Runs a command with a bounded time, its output in {@code log}. The environment is this
     * process's without the TASKER_* variables (a developer's own settings must not leak in), plus
     * {@code env}. A process that overruns is killed, with its children, and fails the test.
     */
    static Result run(List<String> command, Map<String, String> env, Path log, Duration timeout)
            throws IOException, InterruptedException {
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(repo().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("TASKER_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
            Result partial = new Result(-1, read(log), log);
            fail("timed out after " + timeout.toSeconds() + " s: " + String.join(" ", command) + "\n" + partial.tail());
        }
        return new Result(process.exitValue(), read(log), log);
    }

    private static String read(Path log) throws IOException {
        return Files.exists(log) ? new String(Files.readAllBytes(log), StandardCharsets.UTF_8) : "";
    }
}
