package io.tasker.metrics.examples.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * What Maven Central takes for each published artifact: the jar with its
 * sources and javadoc jars, and a pom that carries name, description, url, licence, developer and
 * scm by itself. Built by the release profile of the root pom, which bin/test always turns on.
 */
class ReleaseArtifactsTest {
    @Test
    void everyPublishedArtifactHasWhatMavenCentralRequires() throws Exception {
        Build.Artifact core = Build.published("tasker-metrics-core");
        boolean releaseRan = Files.isRegularFile(core.dir().resolve(".flattened-pom.xml"))
                || Files.isRegularFile(core.jar("sources"));
        assertTrue(
                releaseRan,
                "the release profile did not run (no " + core.dir().resolve(".flattened-pom.xml")
                        + ", no sources jar): run the build with -P release (mvn -P release install, as bin/test does); "
                        + "this test checks what that profile makes");

        List<String> problems = new ArrayList<>();
        for (Build.Artifact artifact : Build.PUBLISHED) {
            if (!artifact.pomOnly()) {
                for (String classifier : new String[] {null, "sources", "javadoc"}) {
                    if (!Files.isRegularFile(artifact.jar(classifier))) {
                        problems.add(artifact.artifactId() + ": no "
                                + artifact.target().relativize(artifact.jar(classifier)) + " in " + artifact.target());
                    }
                }
            }
            Path flattened = artifact.dir().resolve(".flattened-pom.xml");
            Path pom =
                    Files.isRegularFile(flattened) ? flattened : artifact.dir().resolve("pom.xml");
            if (!Files.isRegularFile(flattened) && !artifact.pomOnly()) {
                // The BOM has no parent (so that importing it pins nothing else) and the parent keeps its
                // dependencyManagement for the applications' installed poms: both are published as they are.
                problems.add(artifact.artifactId() + ": no flattened pom " + flattened
                        + " (flatten-maven-plugin of the release profile)");
            }
            problems.addAll(metadataProblems(artifact.artifactId(), pom));
        }
        assertEquals(List.of(), problems, "artifacts Maven Central would refuse");
    }

    /** The pom metadata Central requires, each missing or empty element named. */
    static List<String> metadataProblems(String artifactId, Path pom) throws Exception {
        Element project = Poms.read(pom);
        List<String> problems = new ArrayList<>();
        String where = artifactId + " (" + Build.repo().relativize(pom) + ")";
        require(problems, where, project, "name");
        require(problems, where, project, "description");
        require(problems, where, project, "url");
        List<Element> licenses = Poms.children(Poms.child(project, "licenses"), "license");
        if (licenses.isEmpty()) {
            problems.add(where + ": no licenses/license");
        }
        for (Element license : licenses) {
            require(problems, where, license, "name");
            require(problems, where, license, "url");
        }
        if (Poms.children(Poms.child(project, "developers"), "developer").isEmpty()) {
            problems.add(where + ": no developers/developer");
        }
        require(problems, where, project, "scm", "url");
        require(problems, where, project, "scm", "connection");
        return problems;
    }

    private static void require(List<String> problems, String where, Element parent, String... path) {
        String text = Poms.text(parent, path);
        if (text.isEmpty() || text.contains("${")) {
            problems.add(where + ": " + String.join("/", path) + " is missing or empty"
                    + (text.isEmpty() ? "" : " (unresolved: " + text + ")"));
        }
    }
}
