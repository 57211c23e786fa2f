package io.tasker.metrics.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.testing.PrometheusConfig.ScrapeTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The prometheus.yml of a test: targets of one job in one scrape config, their labels, rule files. */
class PrometheusConfigTest {

    @Test
    void targetsOfOneJobShareAScrapeConfigEachWithItsLabels(@TempDir Path dir) throws Exception {
        Path rules = Files.writeString(dir.resolve("rules.yml"), "groups: []\n");
        PrometheusConfig config = new PrometheusConfig(
                        Duration.ofSeconds(1),
                        List.of(
                                ScrapeTarget.of("console", "127.0.0.1:7001").withLabels(Map.of("namespace", "a")),
                                ScrapeTarget.of("console", "127.0.0.1:7002").withLabels(Map.of("namespace", "b")),
                                ScrapeTarget.of("self", "127.0.0.1:9090")))
                .withRuleFiles(List.of(rules));

        String yaml = config.toYaml();

        assertEquals(1, yaml.split("job_name: \"console\"", -1).length - 1, yaml);
        assertTrue(yaml.contains("""
                      - targets: ["127.0.0.1:7001"]
                        labels:
                          "namespace": "a"
                      - targets: ["127.0.0.1:7002"]
                        labels:
                          "namespace": "b"
                """), yaml);
        assertTrue(yaml.contains("rule_files:\n  - \"" + rules.toAbsolutePath() + "\""), yaml);
        Path file = Files.writeString(dir.resolve("prometheus.yml"), yaml);
        Process check = new ProcessBuilder(Executables.promtool().toString(), "check", "config", file.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(check.getInputStream().readAllBytes());
        assertTrue(check.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, check.exitValue(), output);
    }

    @Test
    void noTargetsAndNoRulesAreEmptyLists() throws IOException {
        String yaml = new PrometheusConfig(Duration.ofSeconds(1), List.of()).toYaml();

        assertTrue(yaml.contains("rule_files: []\n") && yaml.contains("scrape_configs: []\n"), yaml);
    }
}
