package io.tasker.metrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tasker.metrics.Clock;
import io.tasker.metrics.events.Failure;
import io.tasker.metrics.events.TaskFailed;
import io.tasker.metrics.events.TaskStarted;
import io.tasker.metrics.export.ExportFormat;
import io.tasker.metrics.export.ExportHistory;
import io.tasker.metrics.export.ExportRecord;
import io.tasker.metrics.export.ExportTiming;
import io.tasker.metrics.export.ExportTrigger;
import io.tasker.metrics.runs.RecentRuns;
import io.tasker.metrics.runs.RunsOptions;
import io.tasker.metrics.runs.RunsSync;
import io.tasker.metrics.snapshot.MetricsSnapshot;
import io.tasker.metrics.store.CacheStore;
import io.tasker.metrics.store.file.FileStore;
import io.tasker.metrics.sync.ClusterSync;
import io.tasker.metrics.sync.SyncOptions;
import io.tasker.metrics.sync.SyncStrategy;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text from the store never reaches the operator's terminal as control sequences: an error
 * message holding {@code ESC[2J} (clear the screen), colours, an OSC 8 hyperlink or a C1 CSI shows
 * as visible escapes in {@code runs} and {@code status}, as text and as JSON, and cannot start a
 * new line of its own.
 */
class TerminalControlTest {
    private static final String HOSTILE = "card declined\u001b[2J\u001b[31m \u001b]8;;http://evil.example/\u0007click"
            + "\u001b]8;;\u0007 \u009b31m\r\nfake line";

    @TempDir
    Path dir;

    private Path config;

    @BeforeEach
    void aServiceWroteHostileText() throws IOException {
        config = Files.writeString(
                dir.resolve("tasker.yml"), "cache:\n  url: \"file://" + dir.resolve("store") + "\"\n");
        try (CacheStore store = FileStore.open(dir.resolve("store"), Clock.SYSTEM)) {
            SyncOptions options = SyncOptions.defaults("svc-a");
            ClusterSync sync =
                    new ClusterSync(store, options, Clock.SYSTEM, () -> MetricsSnapshot.empty(Instant.EPOCH));
            RecentRuns runs = new RecentRuns(RunsOptions.defaults(), Clock.SYSTEM);
            sync.attach(new RunsSync(store, options.keys(), runs, Clock.SYSTEM));
            Instant t0 = Instant.now().minusSeconds(5);
            runs.handle(new TaskStarted("t-1", "payment", t0));
            runs.handle(new TaskFailed(
                    "t-1", "payment", t0.plusMillis(10), Duration.ofMillis(10), Failure.of("Declined", HOSTILE)));
            assertTrue(sync.sync(SyncStrategy.DISTRIBUTED_ATOMIC).success());
            new ExportHistory(store, options.keys())
                    .append(ExportRecord.failed(
                            new ExportRecord.Start(
                                    t0,
                                    ExportFormat.JSON,
                                    "/tmp/x.json",
                                    ExportTrigger.CLI,
                                    "svc-a",
                                    0,
                                    ExportTiming.Reason.ON_DEMAND),
                            HOSTILE,
                            1,
                            1));
        }
    }

    @Test
    void runsShowsControlCharactersAsVisibleEscapes() throws Exception {
        String text = run("runs");
        assertClean(text);
        assertTrue(text.contains("card declined\\u001b[2J\\u001b[31m"), text);
        String json = run("runs", "--json");
        assertClean(json);
        assertEquals(
                HOSTILE,
                new ObjectMapper().readTree(json).get(0).path("error_message").asText(),
                "the JSON still decodes to the stored text");
    }

    @Test
    void statusShowsControlCharactersAsVisibleEscapes() {
        assertClean(run("status", "--verbose"));
        assertClean(run("status", "--json"));
    }

    private static void assertClean(String output) {
        for (char c : output.toCharArray()) {
            assertFalse(
                    Character.getType(c) == Character.CONTROL && c != '\n',
                    "control character U+" + Integer.toHexString(c) + " in:\n" + output);
        }
        assertFalse(output.contains("\nfake line"), "a stored text started a line of its own:\n" + output);
    }

    private String run(String... command) {
        StringWriter out = new StringWriter();
        String[] args = new String[command.length + 2];
        args[0] = "--config";
        args[1] = config.toString();
        System.arraycopy(command, 0, args, 2, command.length);
        TaskerMetricsCli.run(args, new PrintWriter(out, true), new PrintWriter(out, true));
        return out.toString();
    }
}
