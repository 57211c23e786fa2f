package io.tasker.metrics.examples.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * tasker-metrics-core is what a service takes to record and scrape (docs/architecture.md,
 * "Artifacts"): small, and with no dependency at all at run time.
 */
class CoreArtifactTest {
    private static final long MAX_BYTES = 400 * 1024;
    private static final Build.Artifact CORE = Build.published("tasker-metrics-core");

    @Test
    void theJarIsSmall() throws Exception {
        List<Path> jars = new ArrayList<>(List.of(CORE.jar(null)));
        if (Files.isRegularFile(CORE.installed("jar"))) {
            jars.add(CORE.installed("jar"));
        }
        assertTrue(Files.isRegularFile(jars.get(0)), jars.get(0) + " is missing: build it first (mvn package)");
        for (Path jar : jars) {
            long size = Files.size(jar);
            System.out.printf(
                    "tasker-metrics-core jar: %d bytes (%.1f KB), limit %d KB: %s%n",
                    size, size / 1024.0, MAX_BYTES / 1024, jar);
            assertTrue(
                    size <= MAX_BYTES,
                    jar + " is " + size + " bytes, over the limit of " + MAX_BYTES
                            + ": the core is what every service loads; move what it does not need to another artifact");
        }
    }

    @Test
    void itsPomsDeclareNoDependencyButForTests() throws Exception {
        List<Path> poms = new ArrayList<>(List.of(
                CORE.dir().resolve("pom.xml"),
                Build.repo().resolve("pom.xml"))); // the parent's own <dependencies> would be inherited
        Path flattened = CORE.dir().resolve(".flattened-pom.xml");
        if (Files.isRegularFile(flattened)) {
            poms.add(flattened); // what Maven Central gets with -P release
        }
        for (Path pom : poms) {
            List<String> declared = new ArrayList<>();
            Element dependencies = Poms.child(Poms.read(pom), "dependencies");
            for (Element dependency : Poms.children(dependencies, "dependency")) {
                String scope = Poms.text(dependency, "scope");
                if (!"test".equals(scope)) {
                    declared.add(Poms.text(dependency, "groupId") + ":" + Poms.text(dependency, "artifactId")
                            + " (scope " + (scope.isEmpty() ? "compile" : scope) + ")");
                }
            }
            assertEquals(
                    List.of(),
                    declared,
                    Build.repo().relativize(pom) + " gives tasker-metrics-core a dependency "
                            + "beyond tests; the core must need nothing but the JDK");
        }
    }

    @Test
    void mavenResolvesNoRuntimeDependency() throws Exception {
        Path dir = Build.workDir("core-dependencies");
        Path list = dir.resolve("runtime-dependencies.txt");
        Files.deleteIfExists(list);
        Build.run(
                        Build.mvnCommand(
                                "-f",
                                CORE.dir().resolve("pom.xml").toString(),
                                "dependency:list",
                                "-DincludeScope=runtime",
                                "-DexcludeTransitive=false",
                                "-DoutputFile=" + list),
                        Map.of(),
                        dir.resolve("mvn.log"),
                        Duration.ofMinutes(5))
                .assertSucceeded("mvn dependency:list on the core");
        List<String> lines = Files.readAllLines(list).stream()
                .map(String::trim)
                .filter(l -> !l.isEmpty())
                .toList();
        System.out.println("tasker-metrics-core run-time dependency tree: " + lines);
        assertTrue(
                lines.contains("The following files have been resolved:"),
                "unexpected output in " + list + ": " + lines);
        assertEquals(
                List.of("none"),
                lines.subList(lines.indexOf("The following files have been resolved:") + 1, lines.size()),
                "tasker-metrics-core must have no run-time dependency");
    }
}
