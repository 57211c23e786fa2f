package io.tasker.metrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.Clock;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.store.CacheStore;
import io.tasker.metrics.store.file.FileStore;
import io.tasker.metrics.sync.ClusterSync;
import io.tasker.metrics.sync.SyncOptions;
import io.tasker.metrics.sync.SyncStrategy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code export-now --output} onto what is not a regular file: the reproduction of the issue
 * ({@code mknod $d/n c 1 3; export-now --output $d/n} left a regular file) with a device node of
 * the test's own, standard output by {@code -} and {@code /dev/stdout}, and a directory.
 */
class ExportNowTargetsTest {
    @TempDir
    Path dir;

    private Path config;
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private OutputStream realStdout;

    @BeforeEach
    void fileStore() throws IOException {
        config = Files.writeString(
                dir.resolve("tasker.yml"),
                "telemetry:\n  export_directory: " + dir.resolve("exports") + "\ncache:\n  url: \"file://"
                        + dir.resolve("store") + "\"\n");
        MetricRegistry registry = new MetricRegistry();
        registry.incrementCounter("task_executions_total", 3, "status", "success");
        try (CacheStore store = FileStore.open(dir.resolve("store"), Clock.SYSTEM)) {
            assertTrue(new ClusterSync(store, SyncOptions.defaults("web-1"), Clock.SYSTEM, registry::snapshot)
                    .sync(SyncStrategy.DISTRIBUTED_ATOMIC)
                    .success());
        }
        realStdout = ExportNowCommand.stdout;
        ExportNowCommand.stdout = stdout;
    }

    @AfterEach
    void restoreStdout() {
        ExportNowCommand.stdout = realStdout;
    }

    @Test
    void exportNowOntoADeviceNodeLeavesTheDeviceNode() throws Exception {
        Path device = dir.resolve("n");
        Process mknod = new ProcessBuilder("mknod", device.toString(), "c", "1", "3").start();
        assertTrue(
                mknod.waitFor() == 0,
                "mknod failed: these tests make a device node in their own folder and need root (bin/test runs as root)");
        Run r = run("export-now", "--output", device.toString());
        assertEquals(0, r.code(), r.err());
        Process stat = new ProcessBuilder("stat", "-c", "%F", device.toString()).start();
        assertEquals(
                "character special file",
                new String(stat.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip());
    }

    @Test
    void exportNowOntoDashOrDevStdoutWritesStandardOutputAndTheSummaryToStandardError() {
        for (String name : new String[] {"-", "/dev/stdout"}) {
            stdout.reset();
            Run r = run("export-now", "--format", "prometheus", "--output", name);
            assertEquals(0, r.code(), r.err());
            assertTrue(
                    stdout.toString(StandardCharsets.UTF_8)
                            .contains("tasker_task_executions_total{status=\"success\"} 3"),
                    name + ": " + stdout);
            assertTrue(
                    r.out().isEmpty() && r.err().startsWith("Exported "),
                    name + ": the summary goes to standard error: " + r.err());
        }
    }

    @Test
    void exportNowOntoADirectoryIsAUsageError() throws IOException {
        Path directory = Files.createDirectory(dir.resolve("out"));
        Run r = run("export-now", "--output", directory.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains(directory + " is a directory"), r.err());
        assertTrue(Files.isDirectory(directory));
    }

    private Run run(String... command) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] args = new String[command.length + 2];
        args[0] = "--config";
        args[1] = config.toString();
        System.arraycopy(command, 0, args, 2, command.length);
        int code = TaskerMetricsCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    /** Exit code, and the summary's standard output and error (not the export's stream). */
    private record Run(int code, String out, String err) {}
}
