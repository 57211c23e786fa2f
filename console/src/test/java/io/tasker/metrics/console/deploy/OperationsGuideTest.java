package io.tasker.metrics.console.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/operations.md shows what ships: each block marked {@code <!-- shipped: PATH -->} is that
 * file as it is, every file of the repository it names exists, and it installs each of the three
 * ways with an overlay that exists.
 */
class OperationsGuideTest {
    private static final Pattern SHIPPED =
            Pattern.compile("<!-- shipped: (\\S+) -->\\n```\\w*\\n(.*?)\\n```", Pattern.DOTALL);
    private static final Pattern PATH = Pattern.compile("(?<![/.\\w])((?:deploy|mixin)/[A-Za-z0-9_./-]*[A-Za-z0-9_])");
    private static String guide;

    @BeforeAll
    static void read() throws IOException {
        guide = Files.readString(DeployFiles.root().resolve("docs/operations.md"));
    }

    @Test
    void everyShippedBlockIsTheFileAsItIs() throws IOException {
        Matcher m = SHIPPED.matcher(guide);
        Set<String> shown = new TreeSet<>();
        while (m.find()) {
            String file =
                    Files.readString(DeployFiles.root().resolve(m.group(1))).stripTrailing();
            assertEquals(
                    file,
                    m.group(2),
                    m.group(1) + " differs from its copy in docs/operations.md: paste the file again");
            shown.add(m.group(1));
        }
        assertTrue(
                shown.containsAll(Set.of(
                        "deploy/kubernetes/base/cronjob-export.yaml",
                        "deploy/kubernetes/overlays/production/kustomization.yaml",
                        "deploy/kubernetes/components/kube-prometheus-stack/kustomization.yaml")),
                shown.toString());
    }

    @Test
    void everyFileTheGuideNamesExists() {
        List<String> missing = new ArrayList<>();
        Matcher m = PATH.matcher(guide);
        while (m.find()) {
            if (!Files.exists(DeployFiles.root().resolve(m.group(1)))) {
                missing.add(m.group(1));
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void itInstallsOnKubePrometheusStackOnKubePrometheusAndWithoutTheOperator() {
        for (String setup :
                List.of("**on kube-prometheus-stack**", "**on kube-prometheus**", "**without the operator**")) {
            int at = guide.toLowerCase(Locale.ROOT).indexOf(setup);
            assertTrue(at >= 0, "no install steps for " + setup);
            Matcher apply = Pattern.compile("kubectl apply -k (deploy/kubernetes/overlays/\\S+)")
                    .matcher(guide.substring(at));
            assertTrue(apply.find(), setup + ": no kubectl apply -k");
            assertTrue(
                    Files.isRegularFile(
                            DeployFiles.root().resolve(apply.group(1)).resolve("kustomization.yaml")),
                    apply.group(1));
        }
        assertTrue(guide.contains("kube-state-metrics"), "the prerequisite of two alerts");
    }
}
