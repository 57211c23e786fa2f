package io.tasker.metrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tasker.metrics.Clock;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.store.CacheStore;
import io.tasker.metrics.store.redis.RedisStore;
import io.tasker.metrics.sync.ClusterSync;
import io.tasker.metrics.sync.SyncOptions;
import io.tasker.metrics.sync.SyncStrategy;
import io.tasker.metrics.testing.RedisServerExtension;
import io.tasker.metrics.testing.TextSocket;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store lost its data and one live instance has not written its state again: {@code export}
 * and {@code export-now} are held back, exit 75, write nothing and leave an existing output file
 * as it was, and say when exports resume; {@code export-now --force} exports what the view holds,
 * with a warning naming who may be missing; once that instance has written again, both export
 * everything.
 */
class HeldBackExportTest {
    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    @TempDir
    Path dir;

    private Path config;
    private CacheStore store;
    private ClusterSync a;
    private ClusterSync b;
    private final OutputStream realStdout = ExportNowCommand.stdout;
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();

    @BeforeEach
    void theStoreLosesItsDataAndOnlyBHasWrittenAgain() throws IOException {
        String namespace = "held" + UUID.randomUUID().toString().substring(0, 8);
        config = dir.resolve("tasker.yml");
        Files.writeString(
                config,
                "telemetry:\n  export_directory: " + dir.resolve("exports") + "\ncache:\n  url: \"" + REDIS.url()
                        + "\"\n  namespace: " + namespace + "\n");
        store = RedisStore.open(REDIS.url(), Duration.ofSeconds(5));
        a = instance(namespace, "web-a", 10);
        b = instance(namespace, "web-b", 5);
        assertTrue(a.sync(SyncStrategy.DISTRIBUTED_ATOMIC).success());
        assertTrue(b.sync(SyncStrategy.DISTRIBUTED_ATOMIC).success());
        assertTrue(b.sync(SyncStrategy.DISTRIBUTED_ATOMIC).success()); // b has seen a live
        flushAll();
        assertTrue(b.sync(SyncStrategy.DISTRIBUTED_ATOMIC).success()); // b notices the loss and writes again
        ExportNowCommand.stdout = stdout;
    }

    @AfterEach
    void close() {
        ExportNowCommand.stdout = realStdout;
        store.close();
    }

    @Test
    void exportIsHeldBackWritesNoFileAndExits75UntilEveryInstanceWroteAgain() throws IOException {
        Run r = run("--config", config.toString(), "export", "--format", "json");
        assertEquals(TaskerMetricsCli.HELD_BACK, r.code, r.out + r.err);
        assertTrue(r.err.startsWith("Export held back, nothing written: the store lost its data at "), r.err);
        assertTrue(
                r.err.contains("web-a has not written their state again yet; exports resume once they have, at "),
                r.err);
        assertTrue(
                !Files.exists(dir.resolve("exports"))
                        || Files.list(dir.resolve("exports")).findAny().isEmpty(),
                "no export file");

        assertTrue(a.sync(SyncStrategy.DISTRIBUTED_ATOMIC).success());
        Run whole = run("--config", config.toString(), "export", "--format", "json");
        assertEquals(TaskerMetricsCli.OK, whole.code, whole.out + whole.err);
        try (var files = Files.list(dir.resolve("exports"))) {
            assertEquals(15, total(files.findFirst().orElseThrow()));
        }
    }

    @Test
    void exportNowIsHeldBackLeavesTheOutputFileAsItWasAndForceExportsWithAWarning() throws IOException {
        Path out = Files.writeString(dir.resolve("view.json"), "the previous export");
        Run r = run("--config", config.toString(), "export-now", "--format", "json", "--output", out.toString());
        assertEquals(TaskerMetricsCli.HELD_BACK, r.code, r.out + r.err);
        assertTrue(r.err.contains("held back") && r.err.contains("exports resume"), r.err);
        assertEquals("the previous export", Files.readString(out), "the output file is left as it was");

        Run toStdout = run("--config", config.toString(), "export-now", "--format", "json");
        assertEquals(TaskerMetricsCli.HELD_BACK, toStdout.code, toStdout.err);
        assertEquals(0, stdout.size(), "nothing on standard output");

        Run forced = run(
                "--config", config.toString(), "export-now", "--force", "--format", "json", "--output", out.toString());
        assertEquals(TaskerMetricsCli.OK, forced.code, forced.out + forced.err);
        assertTrue(
                forced.err.startsWith("Warning: forced while the view is being written again")
                        && forced.err.contains("it may lack what web-a recorded"),
                forced.err);
        assertEquals(5, total(out), "what the view holds: b's 5, not yet a's 10");

        assertTrue(a.sync(SyncStrategy.DISTRIBUTED_ATOMIC).success());
        Run whole = run("--config", config.toString(), "export-now", "--format", "json", "--output", out.toString());
        assertEquals(TaskerMetricsCli.OK, whole.code, whole.out + whole.err);
        assertEquals("", whole.err);
        assertEquals(15, total(out));
    }

    private ClusterSync instance(String namespace, String id, int jobs) {
        MetricRegistry registry = new MetricRegistry();
        registry.counter("jobs_total").inc(jobs);
        return new ClusterSync(
                store, SyncOptions.defaults(id).withNamespace(namespace), Clock.SYSTEM, registry::snapshot);
    }

    private static int total(Path json) throws IOException {
        return new ObjectMapper()
                .readTree(json.toFile())
                .at("/metrics/counters/tasker_jobs_total/0/value")
                .asInt();
    }

    private static void flushAll() throws IOException {
        try (TextSocket redis = TextSocket.connect("127.0.0.1", REDIS.port(), Duration.ofSeconds(5))) {
            redis.send("FLUSHALL\r\n");
            assertEquals("+OK", redis.readLine());
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
