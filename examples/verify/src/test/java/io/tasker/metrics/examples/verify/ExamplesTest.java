package io.tasker.metrics.examples.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tasker.metrics.testing.RedisServerExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The consumer projects in examples/, built as a service would build them: standalone poms that
 * take Tasker Metrics from the local repository (so this needs {@code mvn install}), then run:
 * record-and-scrape must print the Prometheus lines it recorded, two instances of
 * sync-through-redis must add up exactly in the cluster view the CLI exports, and README.md must
 * show each example's code as it is.
 */
class ExamplesTest {
    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(2);
    private static final List<String> EXAMPLES = List.of("record-and-scrape", "sync-through-redis");

    private static Build.Result build;

    @Test
    void recordAndScrapePrintsWhatItRecorded() throws Exception {
        Build.Result run =
                runExample("record-and-scrape", "io.tasker.metrics.examples.RecordAndScrape", Map.of(), "run");
        // tasker_ comes from the core itself: RegistryOptions.defaults() has the metric prefix
        // "tasker", so a bare new MetricRegistry() already exposes tasker_task_executions_total,
        // the design document's name, without the runtime or a configuration file.
        List<String> lines = run.output().lines().toList();
        for (String expected : List.of(
                "# TYPE tasker_task_executions_total counter",
                "tasker_task_executions_total{status=\"success\",task_name=\"payment_processing\"} 1",
                "tasker_task_executions_total{status=\"failure\",task_name=\"payment_processing\"} 1",
                "# TYPE tasker_queue_depth gauge",
                "tasker_queue_depth{queue=\"default\"} 42",
                "# HELP tasker_task_duration_seconds Task duration in seconds.",
                "# TYPE tasker_task_duration_seconds histogram",
                "tasker_task_duration_seconds_bucket{task_name=\"payment_processing\",le=\"0.5\"} 1",
                "tasker_task_duration_seconds_bucket{task_name=\"payment_processing\",le=\"+Inf\"} 2",
                "tasker_task_duration_seconds_sum{task_name=\"payment_processing\"} 1.92",
                "tasker_task_duration_seconds_count{task_name=\"payment_processing\"} 2")) {
            assertTrue(lines.contains(expected), "record-and-scrape printed no line '" + expected + "'\n" + run.tail());
        }
    }

    @Test
    void twoInstancesOfSyncThroughRedisAddUpInTheClusterView() throws Exception {
        int first = 1200;
        int second = 34;
        runExample(
                "sync-through-redis",
                "io.tasker.metrics.examples.SyncThroughRedis",
                Map.of("TASKER_CACHE_URL", REDIS.url(), "TASKER_INSTANCE_ID", "checkout-1"),
                "run-1",
                first);
        runExample(
                "sync-through-redis",
                "io.tasker.metrics.examples.SyncThroughRedis",
                Map.of("TASKER_CACHE_URL", REDIS.url(), "TASKER_INSTANCE_ID", "checkout-2"),
                "run-2",
                second);

        // The CLI, as a CronJob runs it (docs/operations.md): it reads the cluster view from the store.
        Path dir = Build.workDir("sync-through-redis");
        Path view = dir.resolve("cluster-view.json");
        Files.deleteIfExists(view);
        Path cli = Build.repo().resolve("cli/target/tasker-metrics.jar");
        assertTrue(Files.isRegularFile(cli), cli + " is missing: the cli module builds it (mvn package)");
        Build.Result export = Build.run(
                        List.of(
                                Build.java(),
                                "-jar",
                                cli.toString(),
                                "export-now",
                                "--format",
                                "json",
                                "--output",
                                view.toString()),
                        Map.of("TASKER_CACHE_URL", REDIS.url()),
                        dir.resolve("export-now.log"),
                        RUN_TIMEOUT)
                .assertSucceeded("tasker-metrics export-now");

        JsonNode series = new ObjectMapper()
                .readTree(view.toFile())
                .path("metrics")
                .path("counters")
                .path("tasker_task_executions_total");
        assertEquals(1, series.size(), "one series expected in " + Files.readString(view) + "\n" + export.tail());
        JsonNode point = series.get(0);
        assertEquals("success", point.path("labels").path("status").asText(), point.toString());
        assertEquals(
                "payment_processing", point.path("labels").path("task_name").asText(), point.toString());
        assertEquals(
                first + second,
                point.path("value").asLong(),
                "the cluster view must hold both instances' counts exactly: " + point);
    }

    @Test
    void readmeShowsEachExampleAsItIs() throws IOException {
        String readme = Files.readString(Build.repo().resolve("README.md"));
        for (String example : EXAMPLES) {
            Path main;
            try (var files =
                    Files.walk(Build.repo().resolve("examples").resolve(example).resolve("src/main/java"))) {
                main = files.filter(p -> p.toString().endsWith(".java"))
                        .findFirst()
                        .orElseThrow();
            }
            // The imports first, so that a reader knows where each type comes from, then the tagged code.
            String block = imports(main) + "\n" + taggedBlock(main);
            assertTrue(
                    readme.contains(block),
                    "README.md must show the imports and the code between "
                            + "// tag::example[] and // end::example[] of "
                            + Build.repo().relativize(main)
                            + " verbatim (indentation removed), in \"Adding it to a service\". Copy it from there:\n"
                            + block);
        }
        // The snippets name the version a reader should use: the one this build makes.
        Matcher versions = Pattern.compile(
                        "<tasker\\.version>([^<]*)</tasker\\.version>|tasker-metrics-bom:([^\"'\\s]+)[\"']")
                .matcher(readme);
        int found = 0;
        while (versions.find()) {
            found++;
            String named = versions.group(1) != null ? versions.group(1) : versions.group(2);
            assertEquals(
                    Build.version(),
                    named,
                    "README.md's dependency snippets name version " + named + ", but the build makes " + Build.version()
                            + ": update \"Adding it to a service\"");
        }
        assertTrue(found >= 2, "README.md should show the BOM's version in its Maven and Gradle snippets");
    }

    /** The source's import lines, as they stand. */
    static String imports(Path source) throws IOException {
        StringBuilder text = new StringBuilder();
        for (String line : Files.readAllLines(source)) {
            if (line.startsWith("import ")) {
                text.append(line).append('\n');
            }
        }
        return text.toString();
    }

    /** The lines between the markers, without the indentation they share. */
    static String taggedBlock(Path source) throws IOException {
        List<String> lines = Files.readAllLines(source);
        int start = -1;
        int end = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).trim().equals("// tag::example[]")) {
                start = i + 1;
            } else if (lines.get(i).trim().equals("// end::example[]")) {
                end = i;
            }
        }
        if (start < 0 || end < start) {
            fail(source + " has no // tag::example[] ... // end::example[] block");
        }
        List<String> block = lines.subList(start, end);
        int indent = block.stream()
                .filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length())
                .min()
                .orElse(0);
        StringBuilder text = new StringBuilder();
        for (String line : block) {
            text.append(line.isBlank() ? "" : line.substring(indent)).append('\n');
        }
        return text.toString();
    }

    /** Runs an example's main with the run-time class path its build wrote. */
    private static Build.Result runExample(
            String example, String mainClass, Map<String, String> env, String name, Object... args) throws Exception {
        buildExamples();
        Path project = Build.repo().resolve("examples").resolve(example);
        Path classpathFile = project.resolve("target/classpath.txt");
        assertTrue(
                Files.isRegularFile(classpathFile),
                classpathFile + " is missing: the example's pom writes it "
                        + "(dependency:build-classpath in the package phase)");
        String classpath = project.resolve("target/classes")
                + java.io.File.pathSeparator
                + Files.readString(classpathFile).trim();
        List<String> command = new ArrayList<>(List.of(Build.java(), "-cp", classpath, mainClass));
        for (Object arg : args) {
            command.add(String.valueOf(arg));
        }
        return Build.run(command, env, Build.workDir(example).resolve(name + ".log"), RUN_TIMEOUT)
                .assertSucceeded(example + " (" + name + ")");
    }

    /** One Maven run builds both examples against the installed artifacts of this build. */
    private static synchronized void buildExamples() throws Exception {
        if (build != null) {
            build.assertSucceeded("the examples' build");
            return;
        }
        installedArtifactsAreThisBuilds();
        build = Build.run(
                Build.mvnCommand(
                        "-f",
                        Build.repo().resolve("examples/pom.xml").toString(),
                        "-Dtasker.version=" + Build.version(),
                        "verify"),
                Map.of(),
                Build.workDir("examples-build").resolve("mvn.log"),
                BUILD_TIMEOUT);
        build.assertSucceeded("mvn -f examples/pom.xml verify");
    }

    /**
     * The examples take the artifacts from the local repository: they must be the ones this build
     * just made, not an older install, or the test would check yesterday's code.
     */
    private static void installedArtifactsAreThisBuilds() throws IOException {
        List<String> stale = new ArrayList<>();
        for (Build.Artifact artifact : Build.publishedJars()) {
            Path built = artifact.jar(null);
            Path installed = artifact.installed("jar");
            assertTrue(Files.isRegularFile(built), built + " is missing: build it first (mvn install)");
            if (!Files.isRegularFile(installed) || Files.mismatch(built, installed) != -1) {
                stale.add(artifact.artifactId());
            }
        }
        assertFalse(
                Files.notExists(Build.published("tasker-metrics-bom").installed("pom")),
                "tasker-metrics-bom is not installed in " + Build.localRepository());
        assertTrue(
                stale.isEmpty(),
                "the local repository " + Build.localRepository() + " holds no copy of this "
                        + "build's " + stale + ": the examples are built against installed artifacts, so run "
                        + "mvn -P release install (as bin/test does), not mvn verify");
    }
}
