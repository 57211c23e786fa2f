package io.tasker.metrics.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each consumer's record gets its values from the defaults, from the file, and from the environment over the file. */
class ConsumerConfigTest {
    private static final String FILE = """
            telemetry:
              cardinality_limit: 500
              max_label_value_length: 64
              sync_failure_threshold: 5
              export_interval: 10m
              export_retention: 2d
              export_max_files: 40
              enabled: true
              service_name: shop
              otlp:
                endpoint: http://collector:4318
                headers: x-api-key=k3y
              masked_parameters: pin
              masked_value_pattern: "card-[0-9]+"
              open_span_timeout: 2h
              statsd:
                enabled: true
                host: agent
                port: 9125
                env: staging
                service: billing
              prometheus:
                metric_prefix: shop
                endpoint: http://prometheus:9090/api/v1/write
                username: pusher
                password: s3cret
                job_timeout: 4m
                export_timeout: 90s
                retry_attempts: 2
                retention_window: 10m
                safety_margin: 2m
                include_instance_labels: false
                compression: gzip
                batch_size: 250
                skip_if_unavailable: false
                require_endpoint: true
            events:
              queue_capacity: 100
              drain_timeout: 3s
            runs:
              keep_successful: 7
              keep_failed: 9
            """;

    @TempDir
    Path dir;

    @Test
    void defaultsReachEveryConsumerRecord() {
        TaskerConfig c = ConfigLoader.load(Optional.empty(), Map.of());
        assertEquals(new RegistryConfig("tasker", 10_000, 1_024), c.registry());
        assertEquals(new SyncConfig(Duration.ofMinutes(5), 1_000, true, 3), c.sync());
        assertEquals(
                new ExportConfig(
                        Duration.ofMinutes(5),
                        Duration.ofMinutes(5),
                        Duration.ofMinutes(2),
                        3,
                        Duration.ofMinutes(5),
                        Duration.ofMinutes(1),
                        Duration.ofDays(7),
                        10_000),
                c.export());
        assertEquals(new DeliveryConfig(Duration.ofMinutes(2), 3, 1_000, true), c.delivery());
        assertEquals(new RemoteWriteConfig(null, null, null, "snappy", false), c.remoteWrite());
        assertEquals(new EventsConfig(8_192, Duration.ofSeconds(5)), c.events());
        assertEquals(new RunsConfig(50, 10_000, Duration.ofHours(24)), c.runs());
        OpenTelemetryConfig otel = c.openTelemetry();
        assertFalse(otel.enabled());
        assertEquals("tasker", otel.serviceName());
        assertEquals("http://127.0.0.1:4318", otel.otlpEndpoint());
        assertNull(otel.otlpHeaders());
        assertTrue(otel.maskedParameters().startsWith("password,"), otel.maskedParameters());
        assertNull(otel.maskedValuePattern());
        assertEquals(Duration.ofHours(1), otel.openSpanTimeout());
        assertEquals(new StatsdConfig(false, "127.0.0.1", 8_125, null, null), c.statsd());
    }

    @Test
    void theFileReachesEveryConsumerRecord() throws IOException {
        TaskerConfig c = ConfigLoader.load(Optional.of(file()), Map.of());
        assertEquals(new RegistryConfig("shop", 500, 64), c.registry());
        assertEquals(new SyncConfig(Duration.ofMinutes(10), 250, false, 5), c.sync());
        assertEquals(
                new ExportConfig(
                        Duration.ofMinutes(10),
                        Duration.ofMinutes(4),
                        Duration.ofSeconds(90),
                        2,
                        Duration.ofMinutes(10),
                        Duration.ofMinutes(2),
                        Duration.ofDays(2),
                        40),
                c.export());
        assertEquals(new DeliveryConfig(Duration.ofSeconds(90), 2, 250, false), c.delivery());
        assertEquals(
                new RemoteWriteConfig("http://prometheus:9090/api/v1/write", "pusher", "s3cret", "gzip", true),
                c.remoteWrite());
        assertEquals(new EventsConfig(100, Duration.ofSeconds(3)), c.events());
        assertEquals(new RunsConfig(7, 9, Duration.ofHours(24)), c.runs());
        assertEquals(
                new OpenTelemetryConfig(
                        true,
                        "shop",
                        "http://collector:4318",
                        "x-api-key=k3y",
                        "pin",
                        "card-[0-9]+",
                        Duration.ofHours(2)),
                c.openTelemetry());
        assertEquals(new StatsdConfig(true, "agent", 9_125, "staging", "billing"), c.statsd());
    }

    @Test
    void theEnvironmentOverridesTheFileInEachConsumerRecord() throws IOException {
        TaskerConfig c = ConfigLoader.load(
                Optional.of(file()),
                Map.ofEntries(
                        Map.entry("TASKER_METRIC_PREFIX", "env"),
                        Map.entry("TASKER_CARDINALITY_LIMIT", "600"),
                        Map.entry("TASKER_SYNC_FAILURE_THRESHOLD", "6"),
                        Map.entry("TASKER_EXPORT_INTERVAL", "15m"),
                        Map.entry("TASKER_EXPORT_RETENTION", "3d"),
                        Map.entry("TASKER_EXPORT_MAX_FILES", "41"),
                        Map.entry("PROMETHEUS_ENDPOINT", "https://vm:8428/api/v1/write"),
                        Map.entry("PROMETHEUS_USERNAME", "robot"),
                        Map.entry("PROMETHEUS_PASSWORD", "other"),
                        Map.entry("TASKER_TELEMETRY_ENABLED", "false"),
                        Map.entry("TASKER_STATSD_ENABLED", "false"),
                        Map.entry("DD_AGENT_HOST", "dd"),
                        Map.entry("DD_DOGSTATSD_PORT", "8126"),
                        Map.entry("DD_ENV", "prod"),
                        Map.entry("DD_SERVICE", "orders")));
        assertEquals(new RegistryConfig("env", 600, 64), c.registry());
        assertEquals(6, c.sync().failureThreshold());
        assertEquals(Duration.ofMinutes(15), c.export().interval());
        assertEquals(Duration.ofDays(3), c.export().retention().maxAge());
        assertEquals(41, c.export().retention().maxFiles());
        assertEquals(
                new RemoteWriteConfig("https://vm:8428/api/v1/write", "robot", "other", "gzip", true), c.remoteWrite());
        assertFalse(c.openTelemetry().enabled());
        assertEquals(new StatsdConfig(false, "dd", 8_126, "prod", "orders"), c.statsd());
    }

    @Test
    void recordsThatHoldSecretsNeverShowThem() throws IOException {
        TaskerConfig c = ConfigLoader.load(Optional.of(file()), Map.of());
        assertFalse(
                c.remoteWrite().toString().contains("s3cret"), c.remoteWrite().toString());
        assertFalse(
                c.openTelemetry().toString().contains("k3y"), c.openTelemetry().toString());
        assertFalse(c.toString().contains("s3cret"));
        assertEquals("pusher", c.remoteWrite().settings(c.delivery()).username());
    }

    @Test
    void anApplicationsOwnKeysAreReadByTheirKind() {
        List<ConfigKey> own = List.of(
                ConfigKey.of("app.port", ConfigKey.Kind.INTEGER, "7070", "APP_PORT"),
                ConfigKey.of("app.wait", ConfigKey.Kind.DURATION, "30s", null),
                ConfigKey.of("app.dev", ConfigKey.Kind.BOOLEAN, "false", null),
                ConfigKey.of("app.host", ConfigKey.Kind.STRING, null, null));
        TaskerConfig c = ConfigLoader.load(Optional.empty(), Map.of("APP_PORT", "8080"), own);
        ApplicationValues app = c.application();
        assertEquals(8080, app.integer("app.port"));
        assertEquals(Duration.ofSeconds(30), app.duration("app.wait"));
        assertFalse(app.flag("app.dev"));
        assertNull(app.text("app.host"));
        IllegalArgumentException wrongKind = assertThrows(IllegalArgumentException.class, () -> app.text("app.port"));
        assertEquals("app.port is a key of kind INTEGER, not STRING", wrongKind.getMessage());
        assertThrows(IllegalArgumentException.class, () -> app.integer("telemetry.cardinality_limit"));
        assertEquals("8080", c.describe().get("app.port"));
    }

    private Path file() throws IOException {
        Path file = dir.resolve("tasker.yml");
        Files.writeString(file, FILE);
        return file;
    }
}
