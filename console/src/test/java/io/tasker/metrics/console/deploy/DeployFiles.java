package io.tasker.metrics.console.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.tasker.metrics.testing.Executables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;

/** The repository's {@code deploy/} folder, and the real tools the tests run over it. */
final class DeployFiles {
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final ObjectMapper JSON = new ObjectMapper();

    private DeployFiles() {}

    /** The repository root: the first folder upwards that holds {@code deploy/kubernetes}. */
    static Path root() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("deploy/kubernetes"))) {
                return p;
            }
        }
        throw new AssertionError("No deploy/kubernetes above " + Path.of("").toAbsolutePath());
    }

    static Path deploy(String relative) {
        return root().resolve("deploy").resolve(relative);
    }

    /** The project's home page (the parent pom's {@code <url>}), under which runbooks and images live. */
    static String projectUrl() {
        return parentPom("url");
    }

    /** The version being built, without {@code -SNAPSHOT}: the tag the manifests' image must carry. */
    static String releaseVersion() {
        return parentPom("version").replace("-SNAPSHOT", "");
    }

    private static String parentPom(String element) {
        try {
            Element project = DocumentBuilderFactory.newInstance()
                    .newDocumentBuilder()
                    .parse(root().resolve("pom.xml").toFile())
                    .getDocumentElement();
            for (var n = project.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e && e.getTagName().equals(element)) {
                    return e.getTextContent().trim();
                }
            }
            throw new AssertionError("pom.xml has no <" + element + ">");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new AssertionError("Cannot read pom.xml", e);
        }
    }

    /** {@code kubectl kustomize} of a folder under deploy/kubernetes, as one object per document. */
    static List<JsonNode> render(String kustomization) {
        Path kubectl = Executables.require("kubectl", "kubectl");
        Result r = run(
                List.of(
                        kubectl.toString(),
                        "kustomize",
                        deploy("kubernetes/" + kustomization).toString()),
                null,
                Map.of());
        if (r.exitCode() != 0) {
            throw new AssertionError("kubectl kustomize " + kustomization + " failed:\n" + r.output());
        }
        return parseAll(r.output());
    }

    static List<JsonNode> parseAll(String yaml) {
        try {
            List<JsonNode> objects = new ArrayList<>();
            YAML.readerFor(JsonNode.class).readValues(yaml).forEachRemaining(o -> {
                if (o instanceof JsonNode n && !n.isNull() && !n.isMissingNode()) {
                    objects.add(n);
                }
            });
            return objects;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a tool printed (standard output and error together) and how it ended. */
    record Result(int exitCode, String output) {}

    static Result run(List<String> command, String stdin, Map<String, String> env) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(env);
            Path out = Files.createTempFile("deploy-tool-", ".out");
            builder.redirectOutput(out.toFile());
            Process process = builder.start();
            try (var in = process.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command + " did not finish within 120 s");
            }
            String output = Files.readString(out);
            Files.delete(out);
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted running " + command, e);
        }
    }
}
