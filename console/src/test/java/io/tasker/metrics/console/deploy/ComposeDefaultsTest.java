package io.tasker.metrics.console.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code docker-compose.yml} is safe as shipped: it published the console on 0.0.0.0:7070 with
 * the password {@code change-me} (which {@code deploy/prometheus/prometheus.yml} hard-coded too),
 * Grafana with {@code admin/admin} and Prometheus's unauthenticated remote-write receiver on every
 * interface. Now every port is published on loopback, and every secret comes from the {@code .env}
 * the user writes, with no default, so compose refuses to start without it.
 */
class ComposeDefaultsTest {
    private static final Pattern REQUIRED = Pattern.compile("\\$\\{([A-Z_]+):\\?[^}]+}");

    @Test
    void everyPortIsPublishedOnLoopbackOnly() throws IOException {
        for (Map.Entry<String, JsonNode> service : services()) {
            for (JsonNode port : service.getValue().path("ports")) {
                assertTrue(port.asText().startsWith("127.0.0.1:"), service.getKey() + " publishes " + port.asText());
            }
        }
    }

    @Test
    void everySecretComesFromTheEnvFileWithoutADefault() throws IOException {
        List<String> required = new ArrayList<>();
        for (Map.Entry<String, JsonNode> service : services()) {
            service.getValue().path("environment").fields().forEachRemaining(e -> {
                if (e.getKey().matches(".*(PASSWORD|TOKEN|SECRET).*")) {
                    Matcher m = REQUIRED.matcher(e.getValue().asText());
                    assertTrue(
                            m.matches(),
                            service.getKey() + " " + e.getKey() + " = "
                                    + e.getValue().asText());
                    required.add(m.group(1));
                }
            });
        }
        assertTrue(
                required.containsAll(
                        List.of("TASKER_CONSOLE_PASSWORD", "TASKER_CONSOLE_TOKEN", "GRAFANA_ADMIN_PASSWORD")),
                required.toString());
        String example = Files.readString(DeployFiles.root().resolve(".env.example"));
        for (String name : required) {
            assertTrue(example.lines().anyMatch(l -> l.equals(name + "=")), ".env.example lists " + name + " empty");
        }
        assertTrue(
                Files.readAllLines(DeployFiles.root().resolve(".gitignore")).contains("/.env"),
                ".env is never committed");
    }

    @Test
    void prometheusScrapesTheConsoleWithTheTokenFromASecretFile() throws IOException {
        String config = Files.readString(DeployFiles.deploy("prometheus/prometheus.yml"));
        assertFalse(config.contains("password:") || config.contains("change-me"), config);
        JsonNode scrape =
                DeployFiles.YAML.readTree(config).path("scrape_configs").get(0);
        assertEquals(
                "/run/secrets/console_token",
                scrape.path("authorization").path("credentials_file").asText(),
                scrape.toString());
        JsonNode compose = DeployFiles.YAML.readTree(
                DeployFiles.root().resolve("docker-compose.yml").toFile());
        assertEquals(
                "TASKER_CONSOLE_TOKEN",
                compose.path("secrets")
                        .path("console_token")
                        .path("environment")
                        .asText());
    }

    private static List<Map.Entry<String, JsonNode>> services() throws IOException {
        Path compose = DeployFiles.root().resolve("docker-compose.yml");
        List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
        DeployFiles.YAML.readTree(compose.toFile()).path("services").fields().forEachRemaining(out::add);
        return out;
    }
}
