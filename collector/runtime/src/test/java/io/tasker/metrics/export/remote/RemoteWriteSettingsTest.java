package io.tasker.metrics.export.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.config.ConfigLoader;
import io.tasker.metrics.config.TaskerConfig;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Settings fail fast with the key's name in the message, and never show the password. */
class RemoteWriteSettingsTest {
    private static final URI ENDPOINT = URI.create("http://prometheus:9090/api/v1/write");

    @Test
    void defaultsAreTheDesignDocuments() {
        RemoteWriteSettings s = RemoteWriteSettings.defaults(ENDPOINT);
        assertEquals(
                new RemoteWriteSettings(ENDPOINT, null, null, Duration.ofMinutes(2), 3, Compression.SNAPPY, 1000, true),
                s);
    }

    @Test
    void buildsFromTheLoadedConfiguration() {
        TaskerConfig config = ConfigLoader.load(
                Optional.empty(),
                Map.of(
                        "PROMETHEUS_ENDPOINT",
                        ENDPOINT.toString(),
                        "PROMETHEUS_USERNAME",
                        "ops",
                        "PROMETHEUS_PASSWORD",
                        "hunter2"));
        RemoteWriteSettings s = config.remoteWrite().settings(config.delivery());
        assertEquals(
                new RemoteWriteSettings(
                        ENDPOINT, "ops", "hunter2", Duration.ofMinutes(2), 3, Compression.SNAPPY, 1000, true),
                s);
        assertFalse(s.toString().contains("hunter2"), s.toString());
        assertTrue(s.toString().contains("password=***"), s.toString());
    }

    @Test
    void anUnsetEndpointIsNamed() {
        TaskerConfig config = ConfigLoader.load(Optional.empty(), Map.of());
        fails(
                "telemetry.prometheus.endpoint is not set",
                () -> config.remoteWrite().settings(config.delivery()));
    }

    @Test
    void invalidValuesNameTheirKey() {
        fails("telemetry.prometheus.batch_size must be within 1..100000, got 0", () -> settings(ENDPOINT, 3, 0));
        fails(
                "telemetry.prometheus.batch_size must be within 1..100000, got 100001",
                () -> settings(ENDPOINT, 3, 100_001));
        fails("telemetry.prometheus.retry_attempts must be within 0..10, got -1", () -> settings(ENDPOINT, -1, 10));
        fails("telemetry.prometheus.retry_attempts must be within 0..10, got 11", () -> settings(ENDPOINT, 11, 10));
        fails(
                "telemetry.prometheus.export_timeout must be positive",
                () -> new RemoteWriteSettings(ENDPOINT, null, null, Duration.ZERO, 3, Compression.SNAPPY, 10, true));
        fails(
                "telemetry.prometheus.endpoint: 'ftp://host/x' is not an http or https URL",
                () -> settings(URI.create("ftp://host/x"), 3, 10));
        fails(
                "telemetry.prometheus.endpoint: '/api/v1/write' is not an http or https URL",
                () -> settings(URI.create("/api/v1/write"), 3, 10));
        fails(
                "telemetry.prometheus.password is set but telemetry.prometheus.username is not",
                () -> new RemoteWriteSettings(
                        ENDPOINT, null, "pw", Duration.ofSeconds(1), 3, Compression.SNAPPY, 10, true));
    }

    @Test
    void credentialsInTheUrlAreRefusedWithoutEchoingThem() {
        for (String url :
                new String[] {"http://ops:hunter2@prometheus:9090/api/v1/write", "http://ops:hunter2@bad_host/x"}) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> settings(URI.create(url), 3, 10));
            assertTrue(
                    e.getMessage().startsWith("telemetry.prometheus.endpoint must not carry credentials"),
                    e.getMessage());
            assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
        }
    }

    @Test
    void compressionParsesTheConfigurationsWords() {
        assertEquals(Compression.SNAPPY, Compression.parse("snappy"));
        assertEquals(Compression.GZIP, Compression.parse(" GZIP "));
        assertEquals(Compression.NONE, Compression.parse("none"));
        assertEquals(Compression.NONE, Compression.parse(null));
        assertEquals(Compression.NONE, Compression.parse(""));
        fails(
                "telemetry.prometheus.compression: 'lz4' is not one of snappy, gzip, none",
                () -> Compression.parse("lz4"));
        assertEquals("snappy", Compression.SNAPPY.contentEncoding());
        assertEquals("gzip", Compression.GZIP.contentEncoding());
        assertNull(Compression.NONE.contentEncoding());
    }

    private static RemoteWriteSettings settings(URI endpoint, int retries, int batchSize) {
        return new RemoteWriteSettings(
                endpoint, null, null, Duration.ofSeconds(1), retries, Compression.SNAPPY, batchSize, true);
    }

    private static void fails(String messageStart, Executable action) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action);
        assertTrue(e.getMessage().startsWith(messageStart), e.getMessage());
    }
}
