package io.tasker.metrics.examples.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * jackson-dataformat-yaml is a dependency of tasker-metrics-runtime, but a service configured by
 * its environment alone must not load a YAML class (docs/architecture.md): then a service may even
 * exclude the two jars. A child JVM without them on its class path starts and closes a runtime, and
 * its class-loading log must name no YAML class.
 */
class NoYamlTest {
    private static final List<String> YAML_JARS = List.of("jackson-dataformat-yaml-", "snakeyaml-");
    private static final List<String> YAML_PACKAGES =
            List.of("com.fasterxml.jackson.dataformat.yaml", "org.yaml.snakeyaml");

    @Test
    void noConfigurationFileLoadsNoYamlClass() throws Exception {
        List<String> full = Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));
        List<String> withoutYaml = full.stream()
                .filter(entry -> YAML_JARS.stream()
                        .noneMatch(Path.of(entry).getFileName().toString()::startsWith))
                .toList();
        assertEquals(
                full.size() - YAML_JARS.size(),
                withoutYaml.size(),
                "expected both YAML jars on the test class path, to take them off: " + full);

        Path dir = Build.workDir("no-yaml");
        Build.Result run = Build.run(
                        List.of(
                                Build.java(),
                                "-Xlog:class+load=info",
                                "-cp",
                                String.join(File.pathSeparator, withoutYaml),
                                NoYamlMain.class.getName()),
                        Map.of(),
                        dir.resolve("class-load.log"),
                        Duration.ofMinutes(2))
                .assertSucceeded("a runtime without the YAML jars");
        assertTrue(run.output().contains(NoYamlMain.DONE), "NoYamlMain did not finish\n" + run.tail());
        assertTrue(
                run.output().contains("io.tasker.metrics.config.ConfigLoader "),
                "the class-load log names no ConfigLoader: is -Xlog:class+load working?\n" + run.tail());
        List<String> yaml = run.output()
                .lines()
                .filter(line -> YAML_PACKAGES.stream().anyMatch(line::contains))
                .toList();
        assertEquals(
                List.of(),
                yaml,
                "YAML classes loaded without a configuration file; keep them behind the "
                        + "holder class in ConfigLoader (and out of Environments): see " + run.log());
    }
}
