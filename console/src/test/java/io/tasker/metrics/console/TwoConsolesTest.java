package io.tasker.metrics.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tasker.metrics.ManualClock;
import io.tasker.metrics.console.web.Ui;
import io.tasker.metrics.testing.TempDirs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two consoles in one JVM (as EmbeddedConsole starts them) on the same H2 file, while the first
 * still runs: H2 shares the database within a process. Both start, both serve the one history (as
 * far as the first has written it: it holds its last few minutes in memory), and the second
 * serves all of it once the first has stopped. Two processes are TwoConsoleProcessesTest's.
 */
class TwoConsolesTest {
    private static List<String> times(String json) {
        String times = json.substring(json.indexOf("\"times\":[") + 9, json.indexOf(']', json.indexOf("\"times\":[")));
        return times.isEmpty() ? List.of() : List.of(times.split(","));
    }

    @Test
    void twoConsolesShareOneDatabaseFileAndItsHistory() throws IOException {
        Path dir = Files.createTempDirectory("tasker-two-consoles-");
        String url = "jdbc:h2:file:" + dir.resolve("data/console");
        ManualClock clock = new ManualClock(Instant.parse("2026-03-01T12:00:00Z"));
        String namespace = "two" + System.nanoTime();
        ConsoleFixture first = ConsoleFixture.builder()
                .clock(clock)
                .databaseUrl(url)
                .env("TASKER_CACHE_NAMESPACE", namespace)
                .start();
        try {
            var registry = first.console().runtime().registry();
            // 22 samples, 15 s apart: the first 21 are in the file (raw rows are written when 5 minutes have passed),
            // the last one still in the first console's memory.
            first.sample(
                    clock,
                    22,
                    i -> registry.incrementCounter(
                            "task_executions_total", 2, "status", "success", "task_name", "payment"));
            try (ConsoleFixture second = ConsoleFixture.builder()
                    .clock(clock)
                    .databaseUrl(url)
                    .env("TASKER_CACHE_NAMESPACE", namespace)
                    .start()) {
                String query = Ui.API_SERIES + "?name=tasker_task_executions&window=15m";
                ConsoleFixture.Response a = first.get(query, first.bearer());
                ConsoleFixture.Response b = second.get(query, second.bearer());
                assertEquals(200, a.status(), a.body());
                assertEquals(200, b.status(), b.body());
                assertEquals(22, times(a.body()).size(), a.body());
                assertEquals(times(a.body()).subList(0, 21), times(b.body()), "the written history, seen from both");
                first.close(); // The console that served the file stops, as in a rolling restart.
                first = null;
                ConsoleFixture.Response after = second.get(query, second.bearer());
                assertEquals(200, after.status(), "the second console goes on alone: " + after.body());
                assertEquals(a.body(), after.body(), "all of it once the first has stopped and written the rest");
                second.console().history().tick();
                assertEquals(200, second.get(Ui.TASKS_PAGE, second.bearer()).status());
            }
        } finally {
            if (first != null) {
                first.close();
            }
            TempDirs.delete(dir);
        }
    }
}
