package io.tasker.metrics.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code environments:} section: the entry TASKER_ENV names is laid over the file. */
class EnvironmentsTest {
    @TempDir
    Path dir;

    private Path file;

    @BeforeEach
    void write() throws IOException {
        file = dir.resolve("tasker.yml");
        Files.writeString(file, """
                telemetry:
                  sync_interval: 20s
                  prometheus:
                    retention_window: 5m
                environments:
                  production:
                    telemetry:
                      prometheus:
                        require_endpoint: true
                        retention_window: 10m
                        safety_margin: 2m
                  development:
                    telemetry:
                      prometheus:
                        retention_window: 2m
                        safety_margin: 30s
                        export_timeout: 1m
                        skip_if_unavailable: true
                """);
    }

    @Test
    void theNamedEntryIsLaidOverTheFileAndVariablesOverrideBoth() {
        TaskerConfig c =
                load(Map.of("TASKER_ENV", "production", "PROMETHEUS_ENDPOINT", "http://prom:9090/api/v1/write"));
        assertEquals("production", c.environment());
        assertEquals(Duration.ofMinutes(10), c.sync().retentionWindow());
        assertEquals(Duration.ofMinutes(2), c.export().safetyMargin());
        assertEquals(Duration.ofSeconds(20), c.telemetry().syncInterval(), "a base key the entry leaves alone");
        assertEquals("http://prom:9090/api/v1/write", c.remoteWrite().endpoint());
        assertEquals("true", c.describe().get("telemetry.prometheus.require_endpoint"));
    }

    @Test
    void developmentHasTheDesignDocumentsDevelopmentSettings() {
        TaskerConfig c = load(Map.of("TASKER_ENV", "development"));
        assertEquals(Duration.ofMinutes(2), c.sync().retentionWindow());
        assertEquals(Duration.ofSeconds(30), c.export().safetyMargin());
        assertTrue(c.delivery().skipIfUnavailable());
        assertNull(c.remoteWrite().endpoint());
    }

    @Test
    void withoutTaskerEnvTheEntriesAreIgnored() {
        TaskerConfig c = load(Map.of());
        assertNull(c.environment());
        assertEquals(Duration.ofMinutes(5), c.sync().retentionWindow());
    }

    @Test
    void anUnknownEnvironmentListsTheKnownOnes() {
        ConfigException e = assertThrows(ConfigException.class, () -> load(Map.of("TASKER_ENV", "staging")));
        assertTrue(
                e.getMessage().contains("unknown environment 'staging'; the known ones are production, development"),
                e.getMessage());
    }

    @Test
    void anEnvironmentWithoutTheSectionSaysWhereToDefineIt() {
        ConfigException e = assertThrows(
                ConfigException.class, () -> ConfigLoader.load(Optional.empty(), Map.of("TASKER_ENV", "production")));
        assertTrue(
                e.getMessage()
                        .contains(
                                "unknown environment 'production'; there is no configuration file "
                                        + "(--config or TASKER_METRICS_CONFIG). Define environments.production in the file, or unset TASKER_ENV"),
                e.getMessage());
        ConfigException noSection = assertThrows(ConfigException.class, () -> load(Map.of("TASKER_ENV", "x")));
        assertTrue(
                noSection.getMessage().contains("the known ones are production, development"), noSection.getMessage());
    }

    @Test
    void aFileWithoutTheSectionIsNamed() throws IOException {
        Files.writeString(file, "telemetry:\n  sync_interval: 20s\n");
        ConfigException e = assertThrows(ConfigException.class, () -> load(Map.of("TASKER_ENV", "production")));
        assertTrue(
                e.getMessage()
                        .contains(file + " has no environments: section. Define environments.production in "
                                + "the file, or unset TASKER_ENV"),
                e.getMessage());
    }

    @Test
    void productionRequiresTheEndpoint() {
        ConfigException e = assertThrows(ConfigException.class, () -> load(Map.of("TASKER_ENV", "production")));
        assertTrue(
                e.getMessage()
                        .contains("telemetry.prometheus.endpoint is required here (telemetry.prometheus"
                                + ".require_endpoint is true in environment production); set PROMETHEUS_ENDPOINT"),
                e.getMessage());
    }

    @Test
    void aTypoInAnyEnvironmentIsCaughtEvenWhenAnotherIsSelected() throws IOException {
        Files.writeString(file, Files.readString(file) + """
                  staging:
                    telemetry:
                      prometheus:
                        retention_windw: 3m
                """);
        ConfigException e = assertThrows(ConfigException.class, () -> load(Map.of("TASKER_ENV", "development")));
        assertTrue(
                e.getMessage()
                        .contains("unknown key environments.staging.telemetry.prometheus.retention_windw "
                                + "(did you mean environments.staging.telemetry.prometheus.retention_window?)"),
                e.getMessage());
    }

    @Test
    void anEntryMustBeAMapping() throws IOException {
        Files.writeString(file, "environments:\n  production: 3\n");
        ConfigException e = assertThrows(ConfigException.class, () -> load(Map.of()));
        assertTrue(e.getMessage().contains("environments.production: expected a mapping of keys"), e.getMessage());
    }

    private TaskerConfig load(Map<String, String> env) {
        return ConfigLoader.load(Optional.of(file), env);
    }
}
