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
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    @Test
    void frameworkPropertiesLieOverTheFileAndUnderTheEnvironment(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("tasker.yml");
        Files.writeString(file, "telemetry:\n  sync_interval: 20s\ncache:\n  namespace: file\n  timeout: 3s\n");
        TaskerConfig config = ConfigLoader.load(
                Optional.of(file),
                Map.of("cache.namespace", "property", "telemetry.sync_interval", "10s"),
                Map.of("TASKER_SYNC_INTERVAL", "5s"),
                List.of(),
                Set.of());
        assertEquals("property", config.cache().namespace());
        assertEquals(Duration.ofSeconds(5), config.telemetry().syncInterval());
        assertEquals(Duration.ofSeconds(3), config.cache().timeout());
        ConfigException e = assertThrows(
                ConfigException.class,
                () -> ConfigLoader.load(
                        Optional.empty(), Map.of("telemetry.sync_intervall", "10s"), Map.of(), List.of(), Set.of()));
        assertTrue(
                e.getMessage().contains("unknown key telemetry.sync_intervall (did you mean telemetry.sync_interval?)"),
                e.getMessage());
    }

    @Test
    void statusShowsTheRemoteWriteEndpointWithTheSecretOfItsQueryMasked() {
        TaskerConfig c = ConfigLoader.load(
                Optional.empty(),
                Map.of("PROMETHEUS_ENDPOINT", "https://vm.example/api/v1/write?api_key=S3CR3T&extra_label=env%3Dprod"));
        String shown = c.describe().get("telemetry.prometheus.endpoint");
        assertEquals("https://vm.example/api/v1/write?api_key=***&extra_label=env%3Dprod", shown);
        assertFalse(c.remoteWrite().settings(c.delivery()).toString().contains("S3CR3T"));
    }

    @Test
    void defaultsAreTheDesignDocuments() {
        TaskerConfig c = ConfigLoader.load(Optional.empty(), Map.of());
        assertTrue(c.telemetry().metricsEnabled());
        assertEquals("prometheus", c.telemetry().metricsFormat());
        assertEquals(Duration.ofSeconds(30), c.telemetry().syncInterval());
        assertEquals("tasker", c.registry().metricPrefix());
        assertEquals(Duration.ofMinutes(5), c.sync().retentionWindow());
        assertEquals(Duration.ofMinutes(5), c.export().retentionWindow());
        assertEquals(Duration.ofMinutes(1), c.export().safetyMargin());
        assertEquals(Duration.ofMinutes(2), c.export().exportTimeout());
        assertEquals(Duration.ofMinutes(5), c.export().jobTimeout());
        assertEquals(3, c.export().retryAttempts());
        assertEquals(1000, c.sync().batchSize());
        assertEquals("snappy", c.remoteWrite().compression());
        assertTrue(c.sync().includeInstanceLabels());
        assertTrue(c.delivery().skipIfUnavailable());
        assertNull(c.remoteWrite().endpoint());
        assertEquals("memory:", c.cache().url());
        assertEquals(10_000, c.registry().cardinalityLimit());
    }

    @Test
    void readsTheFileAndTheEnvironmentOverridesIt() throws IOException {
        Path file = write("""
                telemetry:
                  metrics_format: json
                  sync_interval: 10s
                  prometheus:
                    endpoint: http://prometheus:9090/api/v1/write
                    retention_window: 10m
                    safety_margin: 2m
                    compression: gzip
                    batch_size: 500
                cache:
                  url: redis://cache:6379/2
                  namespace: shop
                """);
        TaskerConfig c = ConfigLoader.load(
                Optional.of(file),
                Map.of(
                        "TASKER_CACHE_URL",
                        "memcached://mc:11211",
                        "PROMETHEUS_PASSWORD",
                        "s3cret",
                        "PROMETHEUS_USERNAME",
                        "pusher",
                        "METRICS_FORMAT",
                        "csv"));
        assertEquals("csv", c.telemetry().metricsFormat());
        assertEquals(Duration.ofSeconds(10), c.telemetry().syncInterval());
        assertEquals("http://prometheus:9090/api/v1/write", c.remoteWrite().endpoint());
        assertEquals(Duration.ofMinutes(10), c.sync().retentionWindow());
        assertEquals("gzip", c.remoteWrite().compression());
        assertEquals(500, c.sync().batchSize());
        assertEquals("memcached://mc:11211", c.cache().url());
        assertEquals("shop", c.cache().namespace());
        assertEquals("s3cret", c.remoteWrite().password());
        assertFalse(c.toString().contains("s3cret"), c.toString());
        assertFalse(c.describe().toString().contains("s3cret"));
        assertEquals("***", c.describe().get("telemetry.prometheus.password"));
    }

    @Test
    void theConfigFileCanBeNamedByTheEnvironment() throws IOException {
        Path file = write("cache:\n  namespace: from_env_file\n");
        TaskerConfig c = ConfigLoader.load(Optional.empty(), Map.of(ConfigLoader.CONFIG_ENV, file.toString()));
        assertEquals("from_env_file", c.cache().namespace());
    }

    @Test
    void everyProblemIsListedAtOnceEachNamingItsKey() throws IOException {
        Path file = write("""
                telemetry:
                  metrics_formt: json
                  sync_interval: soon
                  prometheus:
                    retention_window: 2m
                    safety_margin: 1m
                    export_timeout: 1m
                    compression: lz4
                    batch_size: many
                    password: hunter2
                cache:
                  url: redis//cache
                  colour: blue
                """);
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(Optional.of(file), Map.of()));
        List<String> problems = e.problems();
        assertTrue(
                has(problems, "unknown key telemetry.metrics_formt (did you mean telemetry.metrics_format?)"),
                problems.toString());
        assertTrue(has(problems, "unknown key cache.colour"), problems.toString());
        assertTrue(has(problems, "telemetry.sync_interval: 'soon' is not a duration"), problems.toString());
        assertTrue(
                has(
                        problems,
                        "telemetry.prometheus.safety_margin (1m) + export_timeout (1m) must be shorter than retention_window (2m)"),
                problems.toString());
        assertTrue(
                has(problems, "telemetry.prometheus.compression: 'lz4' is not one of snappy, gzip, none"),
                problems.toString());
        assertTrue(
                has(problems, "telemetry.prometheus.batch_size: expected a whole number, got 'many'"),
                problems.toString());
        assertTrue(
                has(problems, "cache.url: Cache URL 'redis//cache' has no scheme; use one of redis://"),
                problems.toString());
        assertTrue(
                has(problems, "telemetry.prometheus.password is set but telemetry.prometheus.username is not"),
                problems.toString());
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }

    @Test
    void environmentValuesAreValidatedNamingTheVariable() {
        ConfigException e = assertThrows(
                ConfigException.class,
                () -> ConfigLoader.load(
                        Optional.empty(),
                        Map.of(
                                "TASKER_SYNC_INTERVAL",
                                "fast",
                                "PROMETHEUS_ENDPOINT",
                                "prometheus:9090",
                                "TASKER_CACHE_URL",
                                "redis://:s3cret@/0")));
        assertTrue(
                has(e.problems(), "TASKER_SYNC_INTERVAL (for telemetry.sync_interval): 'fast' is not a duration"),
                e.problems().toString());
        assertTrue(
                has(e.problems(), "telemetry.prometheus.endpoint: 'prometheus:9090' must be an http(s) URL"),
                e.problems().toString());
        assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
    }

    @Test
    void aRemoteWriteEndpointWithCredentialsIsRefusedAtLoad() {
        for (String endpoint : new String[] {
            "https://app:s3cret@prom.example/api/v1/write",
            "https://app:s3/cr@t@prom.example/api/v1/write",
            "https://s3cret@prom.example/api/v1/write"
        }) {
            ConfigException e = assertThrows(
                    ConfigException.class,
                    () -> ConfigLoader.load(Optional.empty(), Map.of("PROMETHEUS_ENDPOINT", endpoint)));
            assertTrue(
                    e.problems().stream()
                            .anyMatch(p -> p.startsWith("telemetry.prometheus.endpoint: ")
                                    && p.contains("must not carry credentials; set telemetry.prometheus.username and "
                                            + "telemetry.prometheus.password")),
                    e.problems().toString());
            assertFalse(e.getMessage().contains("s3"), e.getMessage());
        }
    }

    @Test
    void statusShowsCacheUrlsWithTheWholePasswordMasked() {
        TaskerConfig c =
                ConfigLoader.load(Optional.empty(), Map.of("TASKER_CACHE_URL", "redis://:abc/Secr3t@cache:6379/0"));
        assertEquals("redis://:***@cache:6379/0", c.describe().get("cache.url"));
        assertFalse(c.toString().contains("Secr3t"), c.toString());
    }

    @Test
    void hugeNumbersAndDurationsSayWhatIsWrong() {
        ConfigException e = assertThrows(
                ConfigException.class,
                () -> ConfigLoader.load(
                        Optional.empty(),
                        Map.of(
                                "TASKER_SYNC_INTERVAL",
                                "99999999999999999999d",
                                "TASKER_CARDINALITY_LIMIT",
                                "99999999999",
                                "TASKER_METRICS_ENABLED",
                                "true")));
        assertTrue(
                e.problems().stream().anyMatch(p -> p.contains("'99999999999999999999d' is longer than 3650d")),
                e.problems().toString());
        assertTrue(
                e.problems().stream()
                        .anyMatch(p -> p.contains("'99999999999' is too large; the largest is 2147483647")),
                e.problems().toString());
        e = assertThrows(
                ConfigException.class,
                () -> ConfigLoader.load(Optional.empty(), Map.of("TASKER_SYNC_INTERVAL", "9999999999999d")));
        assertTrue(e.getMessage().contains("is longer than 3650d"), e.getMessage());
    }

    @Test
    void aKeyGivenTwiceIsAProblem() throws IOException {
        Path file = write("""
                telemetry:
                  sync_interval: 30s
                  sync_interval: 5s
                """);
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(Optional.of(file), Map.of()));
        assertTrue(e.getMessage().contains("Duplicate field 'sync_interval'"), e.getMessage());
    }

    @Test
    void aMissingOrBrokenFileIsAProblem() throws IOException {
        ConfigException missing = assertThrows(
                ConfigException.class, () -> ConfigLoader.load(Optional.of(dir.resolve("nope.yml")), Map.of()));
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
        Path broken = write("telemetry: [unclosed\n");
        ConfigException bad =
                assertThrows(ConfigException.class, () -> ConfigLoader.load(Optional.of(broken), Map.of()));
        assertTrue(bad.getMessage().contains("is not valid YAML"), bad.getMessage());
    }

    @Test
    void valuesTheDomainRefusesAreRefusedAtLoadWithTheDomainsReason() {
        ConfigException e = assertThrows(
                ConfigException.class,
                () -> ConfigLoader.load(
                        Optional.empty(),
                        Map.of(
                                "TASKER_INSTANCE_ID",
                                "web:1",
                                "TASKER_CACHE_NAMESPACE",
                                "two words",
                                "TASKER_METRIC_PREFIX",
                                "9lives",
                                "TASKER_CACHE_URL",
                                "memcached://u:pw@host:11211")));
        assertTrue(
                has(e.problems(), "telemetry.instance_id: instance_id must be a word without ':' or spaces"),
                e.getMessage());
        assertTrue(
                has(e.problems(), "cache.namespace: cache.namespace must be a non-empty word without spaces"),
                e.getMessage());
        assertTrue(
                has(e.problems(), "telemetry.prometheus.metric_prefix: metric_prefix '9lives' is not a valid"),
                e.getMessage());
        assertTrue(has(e.problems(), "cache.url: "), e.getMessage());
    }

    @Test
    void describeShowsEveryKeyOnceByItsKind() {
        TaskerConfig c = ConfigLoader.load(Optional.empty(), Map.of("TASKER_CACHE_URL", "redis://:s3cret@host:6379/0"));
        assertEquals(
                ConfigKey.ALL.stream().map(ConfigKey::name).toList(),
                List.copyOf(c.describe().keySet()));
        assertEquals("30s", c.describe().get("telemetry.sync_interval"));
        assertFalse(
                c.describe().get("cache.url").contains("s3cret"), c.describe().get("cache.url"));
    }

    @Test
    void durationsParseAndFormat() {
        assertEquals(Duration.ofMillis(500), Durations.parse("500ms"));
        assertEquals(Duration.ofHours(2), Durations.parse("2h"));
        assertEquals("5m", Durations.format(Duration.ofMinutes(5)));
        assertEquals("90s", Durations.format(Duration.ofSeconds(90)));
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("5 minutes"));
    }

    /** One file for the console, the CLI and services: a section shared with another program is its to check. */
    @Test
    void aSharedSectionIsLeftToItsOwner() throws IOException {
        Path file = write("telemetry:\n  sync_interval: 10s\nconsole:\n  port: 7071\n  prot: 1\n");
        assertEquals(
                Duration.ofSeconds(10),
                ConfigLoader.load(Optional.of(file), Map.of(), List.of(), Set.of("console"))
                        .telemetry()
                        .syncInterval());
        ConfigException unshared =
                assertThrows(ConfigException.class, () -> ConfigLoader.load(Optional.of(file), Map.of()));
        assertTrue(unshared.getMessage().contains("unknown key console.port"), unshared.getMessage());
        ConfigException e = assertThrows(
                ConfigException.class,
                () -> ConfigLoader.load(
                        Optional.of(file),
                        Map.of(),
                        List.of(ConfigKey.of("console.port", ConfigKey.Kind.INTEGER, "7070", null))));
        assertTrue(e.getMessage().contains("unknown key console.prot (did you mean console.port?)"), e.getMessage());
        ConfigException other = assertThrows(
                ConfigException.class, () -> ConfigLoader.load(Optional.of(write("consol:\n  port: 1\n")), Map.of()));
        assertTrue(other.getMessage().contains("unknown key consol.port"), other.getMessage());
    }

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("tasker-" + System.nanoTime() + ".yml");
        Files.writeString(file, yaml);
        return file;
    }

    private static boolean has(List<String> problems, String start) {
        return problems.stream().anyMatch(p -> p.startsWith(start));
    }
}
