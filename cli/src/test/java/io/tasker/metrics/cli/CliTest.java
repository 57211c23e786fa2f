package io.tasker.metrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tasker.metrics.Clock;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.events.Failure;
import io.tasker.metrics.events.StepCompleted;
import io.tasker.metrics.events.StepFailed;
import io.tasker.metrics.events.StepStarted;
import io.tasker.metrics.events.TaskCompleted;
import io.tasker.metrics.events.TaskFailed;
import io.tasker.metrics.events.TaskStarted;
import io.tasker.metrics.runs.RecentRuns;
import io.tasker.metrics.runs.RunsOptions;
import io.tasker.metrics.runs.RunsSync;
import io.tasker.metrics.snapshot.MetricsSnapshot;
import io.tasker.metrics.store.CacheStore;
import io.tasker.metrics.store.Record;
import io.tasker.metrics.store.redis.RedisStore;
import io.tasker.metrics.sync.ClusterSync;
import io.tasker.metrics.sync.SyncOptions;
import io.tasker.metrics.sync.SyncStrategy;
import io.tasker.metrics.testing.FreePorts;
import io.tasker.metrics.testing.PrometheusServerExtension;
import io.tasker.metrics.testing.RedisServerExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The commands against a real Redis that an instance synced to, as a CronJob would run them. */
class CliTest {
    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    @RegisterExtension
    static final PrometheusServerExtension PROMETHEUS = new PrometheusServerExtension();

    @TempDir
    Path dir;

    private String namespace;
    private Path config;

    @BeforeEach
    void instanceSyncs() throws IOException {
        namespace = "cli" + UUID.randomUUID().toString().substring(0, 8);
        config = config(REDIS.url(), "");
        MetricRegistry registry = new MetricRegistry();
        registry.incrementCounter("task_executions_total", 42, "status", "success", "task_name", "payment_processing");
        registry.setGauge("queue_depth", 5, "queue", "default");
        try (CacheStore store = RedisStore.open(REDIS.url(), Duration.ofSeconds(5))) {
            SyncOptions options = SyncOptions.defaults("web-1").withNamespace(namespace);
            assertTrue(new ClusterSync(store, options, Clock.SYSTEM, registry::snapshot)
                    .sync(SyncStrategy.DISTRIBUTED_ATOMIC)
                    .success());
        }
    }

    @Test
    void statusShowsWhatTheOriginalShowedAndMore() {
        Run r = run("--config", config.toString(), "status");
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("Sync strategy:   distributed_atomic"), r.out);
        assertTrue(r.out.contains("Metrics count:   2 metrics, 2 series"), r.out);
        assertTrue(r.out.contains("Live instances:  1"), r.out);
        assertTrue(r.out.contains("atomic_increment         yes"), r.out);
        assertTrue(r.out.contains("retention_window         5m"), r.out);
        assertTrue(r.out.contains("password                 ***"), r.out);
        assertFalse(r.out.contains("s3cret"), r.out);
    }

    @Test
    void statusAsJson() throws IOException {
        Run r = run("--config", config.toString(), "status", "--json", "--verbose");
        assertEquals(0, r.code, r.err);
        JsonNode json = new ObjectMapper().readTree(r.out);
        assertEquals("distributed_atomic", json.get("syncStrategy").asText());
        assertEquals(2, json.get("seriesCount").asInt());
        assertEquals(List.of("web-1"), List.of(json.get("liveInstances").get(0).asText()));
        assertEquals("***", json.get("prometheus").get("password").asText());
    }

    @Test
    void exportWritesAFileAndTheHistory() throws IOException {
        Run r = run("--config", config.toString(), "export", "--format", "json");
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.startsWith("Exported 2 series"), r.out);
        try (var files = Files.list(dir.resolve("exports"))) {
            Path file = files.findFirst().orElseThrow();
            assertTrue(file.getFileName().toString().matches("tasker-metrics-\\d{8}T\\d{6}Z\\.json"), file.toString());
            JsonNode json = new ObjectMapper().readTree(file.toFile());
            assertEquals(
                    42,
                    json.at("/metrics/counters/tasker_task_executions_total/0/value")
                            .asInt());
        }
        Run status = run("--config", config.toString(), "status");
        assertTrue(status.out.contains("success json"), status.out);
    }

    @Test
    void exportKeepsTheDirectoryWithinItsRetentionAndVerboseStatusSaysSo() throws IOException {
        Path exports = Files.createDirectories(dir.resolve("exports"));
        Path stale = Files.writeString(exports.resolve("tasker-metrics-20200101T000000Z.json"), "{}");
        Files.setLastModifiedTime(
                stale,
                java.nio.file.attribute.FileTime.from(java.time.Instant.now().minus(Duration.ofDays(8))));
        Run r = run("--config", config.toString(), "export", "--format", "csv");
        assertEquals(0, r.code, r.err);
        assertFalse(Files.exists(stale), "older than telemetry.export_retention (7d)");
        Run status = run("--config", config.toString(), "status", "--verbose");
        assertTrue(
                status.out.contains("Export files: 1 in " + exports) && status.out.contains("kept 7d, at most 10000"),
                status.out);
        Run json = run("--config", config.toString(), "status", "--json");
        assertEquals(
                1,
                new ObjectMapper()
                        .readTree(json.out)
                        .path("exportFiles")
                        .path("files")
                        .asInt(),
                json.out);
    }

    @Test
    void anotherExporterHoldingTheLockIsASkipAndASuccess() {
        try (CacheStore store = RedisStore.open(REDIS.url(), Duration.ofSeconds(5))) {
            store.add(
                    namespace + ":lock:export",
                    new Record(0, "web-7/x".getBytes(StandardCharsets.UTF_8)),
                    Duration.ofMinutes(1));
        }
        Run r = run("--config", config.toString(), "export");
        assertEquals(0, r.code, r.err);
        assertEquals("Export skipped: another instance is exporting (web-7)", r.out.strip());
    }

    @Test
    void exportNowToAFileAndToStandardOutput() throws IOException {
        Path out = dir.resolve("now.csv");
        Run r = run("--config", config.toString(), "export-now", "--format", "csv", "--output", out.toString());
        assertEquals(0, r.code, r.err);
        assertTrue(Files.readString(out).contains("tasker_task_executions_total,counter"), Files.readString(out));
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ExportNowCommand.stdout = stdout;
        Run toStdout = run("--config", config.toString(), "export-now", "--format", "prometheus");
        assertEquals(0, toStdout.code, toStdout.err);
        assertTrue(
                stdout.toString(StandardCharsets.UTF_8)
                        .contains("tasker_queue_depth{instance=\"web-1\",queue=\"default\"} 5"),
                "include_instance_labels keeps gauges apart per instance");
        assertTrue(toStdout.err.startsWith("Exported 2 series"), "the summary goes to standard error: " + toStdout.err);
    }

    @Test
    void exportWithAnEndpointPushesToPrometheusByRemoteWrite() throws IOException {
        Path pushing = config(REDIS.url(), "  prometheus:\n    endpoint: " + PROMETHEUS.remoteWriteUrl() + "\n");
        Run r = run("--config", pushing.toString(), "export");
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.startsWith("Exported 2 series") && r.out.contains("remote_write"), r.out);
        JsonNode result = new ObjectMapper()
                .readTree(PROMETHEUS
                        .query("tasker_task_executions_total{status=\"success\",task_name=\"payment_processing\"}")
                        .body());
        assertEquals("42", result.at("/data/result/0/value/1").asText(), result.toString());
        assertFalse(Files.exists(dir.resolve("exports")), "nothing goes to a file when an endpoint is set");
        Run status = run("--config", pushing.toString(), "status");
        assertTrue(status.out.contains("success remote_write"), status.out);
    }

    @Test
    void exportNowPushesWithFormatRemoteWriteAndSaysWhatIsMissing() throws IOException {
        Path unreachable = config(
                REDIS.url(),
                "  prometheus:\n    endpoint: http://127.0.0.1:" + FreePorts.next()
                        + "/api/v1/write\n    retry_attempts: 0\n    skip_if_unavailable: false\n");
        Run failed = run("--config", unreachable.toString(), "export-now", "--format", "remote_write");
        assertEquals(1, failed.code, failed.out);
        assertTrue(failed.err.startsWith("Export failed after 1 attempt(s):"), failed.err);

        Run withOutput = run(
                "--config",
                unreachable.toString(),
                "export-now",
                "--format",
                "remote_write",
                "--output",
                dir.resolve("x").toString());
        assertEquals(2, withOutput.code);
        assertTrue(withOutput.err.contains("--output does not go with --format remote_write"), withOutput.err);

        Run noEndpoint = run("--config", config.toString(), "export-now", "--format", "remote_write");
        assertEquals(2, noEndpoint.code);
        assertTrue(noEndpoint.err.contains("needs telemetry.prometheus.endpoint"), noEndpoint.err);
    }

    @Test
    void syncFoldsNothingWhileTheInstanceLives() {
        Run r = run("--config", config.toString(), "sync");
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("0 stopped instance(s) folded"), r.out);
    }

    @Test
    void theMemoryStoreIsRefusedWithWhatToDoInstead() throws IOException {
        Run r = run("--config", config("memory:", "").toString(), "status");
        assertEquals(2, r.code);
        assertTrue(r.err.contains("cannot see the memory") && r.err.contains("TASKER_CACHE_URL"), r.err);
    }

    @Test
    void aBadConfigurationIsAUsageErrorListingEveryProblem() throws IOException {
        Path bad = config(REDIS.url(), "  prometheus:\n    compression: zstd\n    retention_window: 1m\n");
        Run r = run("--config", bad.toString(), "export");
        assertEquals(2, r.code);
        assertTrue(
                r.err.contains("compression: 'zstd'") && r.err.contains("must be shorter than retention_window"),
                r.err);
    }

    @Test
    void anUnreachableStoreIsAFailure() throws IOException {
        Path unreachable = config("redis://127.0.0.1:1/0", "");
        assertEquals(1, run("--config", unreachable.toString(), "status").code);
        Run export = run("--config", unreachable.toString(), "export");
        assertEquals(1, export.code);
        assertTrue(export.err.contains("Export failed"), export.err);
    }

    @Test
    void envSelectsTheFilesEnvironmentAndStatusShowsIt() throws IOException {
        Path withEnvironments = config(REDIS.url(), "");
        Files.writeString(
                withEnvironments,
                Files.readString(withEnvironments) + "environments:\n  development:\n"
                        + "    telemetry:\n      prometheus:\n        retention_window: 2m\n        safety_margin: 30s\n"
                        + "        export_timeout: 1m\n  production:\n    telemetry:\n      prometheus:\n        retention_window: 10m\n");
        Run r = run("--config", withEnvironments.toString(), "--env", "development", "status", "--verbose");
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("  Environment:     development\n"), r.out);
        assertTrue(r.out.contains("retention_window         2m"), r.out);
        Run unknown = run("--config", withEnvironments.toString(), "--env", "staging", "status");
        assertEquals(2, unknown.code);
        assertTrue(
                unknown.err.contains("unknown environment 'staging'; the known ones are development, production"),
                unknown.err);
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertEquals(2, run("export", "--formt", "json").code);
        assertEquals(2, run().code);
    }

    /** A configuration file for {@code url}, with credentials (to check masking) and extra telemetry lines. */
    private Path config(String url, String extraTelemetry) throws IOException {
        Path file = dir.resolve("tasker-" + UUID.randomUUID() + ".yml");
        String prometheus = extraTelemetry.isEmpty()
                ? "  prometheus:\n    username: pusher\n    password: s3cret\n"
                : extraTelemetry;
        Files.writeString(
                file,
                "telemetry:\n  export_directory: " + dir.resolve("exports") + "\n" + prometheus + "cache:\n  url: \""
                        + url + "\"\n  namespace: " + namespace + "\n  timeout: 1s\n");
        return file;
    }

    @Test
    void runsListsTheFailedRunsOfEveryInstanceWithTheirStepAttempts() throws IOException {
        for (String instance : List.of("svc-a", "svc-b")) {
            recordRuns(instance);
        }
        Run text = run("--config", config.toString(), "runs", "--failed");
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().startsWith("2 failed run(s) from 3 live instance(s), newest first"), text.out());
        assertTrue(text.out().contains("svc-b-bad  payment_processing  failure"), text.out());
        assertTrue(
                text.out()
                        .contains(
                                "    charge_card #1           failure  +50 ms    300 ms  CardDeclined: card declined"),
                text.out());
        assertFalse(text.out().contains("svc-a-ok"), text.out());

        Run json = run("--config", config.toString(), "runs", "--json", "--task-name", "payment_processing");
        assertEquals(0, json.code(), json.err());
        JsonNode runs = new ObjectMapper().readTree(json.out());
        assertEquals(4, runs.size());
        assertEquals(2, runs.get(0).path("steps").size());

        Run bad = run("--config", config.toString(), "runs", "--limit", "0");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("limit must be between 1 and 1000, not 0"), bad.err());
    }

    /** Another service instance: a successful and a failed payment, synced with its runs. */
    private void recordRuns(String instance) {
        try (CacheStore store = RedisStore.open(REDIS.url(), Duration.ofSeconds(5))) {
            SyncOptions options = SyncOptions.defaults(instance).withNamespace(namespace);
            ClusterSync sync =
                    new ClusterSync(store, options, Clock.SYSTEM, () -> MetricsSnapshot.empty(Instant.EPOCH));
            RecentRuns runs = new RecentRuns(RunsOptions.defaults(), Clock.SYSTEM);
            sync.attach(new RunsSync(store, options.keys(), runs, Clock.SYSTEM));
            Instant t0 = Instant.now().minusSeconds(10);
            for (String outcome : List.of("ok", "bad")) {
                String id = instance + "-" + outcome;
                runs.handle(new TaskStarted(id, "payment_processing", t0));
                runs.handle(new StepStarted(id, "payment_processing", "validate_payment", 1, t0));
                runs.handle(new StepCompleted(
                        id, "payment_processing", "validate_payment", 1, t0.plusMillis(50), Duration.ofMillis(50)));
                runs.handle(new StepStarted(id, "payment_processing", "charge_card", 1, t0.plusMillis(50)));
                Duration took = Duration.ofMillis(300);
                if (outcome.equals("ok")) {
                    runs.handle(
                            new StepCompleted(id, "payment_processing", "charge_card", 1, t0.plusMillis(350), took));
                    runs.handle(
                            new TaskCompleted(id, "payment_processing", t0.plusMillis(350), Duration.ofMillis(350)));
                } else {
                    Failure declined = Failure.of("CardDeclined", "card declined");
                    runs.handle(new StepFailed(
                            id, "payment_processing", "charge_card", 1, t0.plusMillis(350), took, declined));
                    runs.handle(new TaskFailed(
                            id, "payment_processing", t0.plusMillis(350), Duration.ofMillis(350), declined));
                }
                t0 = t0.plusSeconds(1);
            }
            assertTrue(sync.sync(SyncStrategy.DISTRIBUTED_ATOMIC).success());
        }
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = TaskerMetricsCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    private record Run(int code, String out, String err) {}
}
