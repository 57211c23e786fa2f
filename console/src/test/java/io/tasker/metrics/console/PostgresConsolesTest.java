package io.tasker.metrics.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tasker.metrics.ManualClock;
import io.tasker.metrics.console.web.Ui;
import io.tasker.metrics.testing.PostgresServerExtension;
import io.tasker.metrics.testing.RedisServerExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two consoles on one PostgreSQL database, as in HA behind one Service: they share one value
 * history, which one of them samples at a time (a lease row), and one export history. Each
 * instant is in the history once, none is lost when the sampling console stops, and an export
 * made through one console is in the other's history.
 */
class PostgresConsolesTest {
    @RegisterExtension
    static final PostgresServerExtension POSTGRES = new PostgresServerExtension();

    /** The store both consoles read the cluster view from, as in a cluster. */
    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SERIES = Ui.API_SERIES + "?name=tasker_task_executions&window=1h";

    @Test
    void twoConsolesShareOneHistoryWithEachInstantOnceAndOneExportHistory() throws Exception {
        String database = POSTGRES.newDatabase();
        ManualClock clock = new ManualClock(Instant.parse("2026-03-01T12:00:00Z"));
        String namespace = "pg" + System.nanoTime();
        ConsoleFixture first = console(database, clock, namespace);
        try (ConsoleFixture second = console(database, clock, namespace)) {
            var registry = first.console().runtime().registry();
            // Both tick at every instant, as their timers do; the first to tick holds the lease and samples.
            for (int i = 0; i < 10; i++) {
                registry.incrementCounter("task_executions_total", 2, "status", "success", "task_name", "payment");
                first.sync();
                first.console().history().tick();
                second.console().history().tick();
                clock.advance(Duration.ofSeconds(15));
            }
            assertEquals(
                    200,
                    first.post(Ui.API_EXPORT + "?format=json", first.bearer()).status());
            first.close(); // A rolling update: the sampling console stops, writes what it held and lets go.
            first = null;
            // The work goes on in the other console's instance, syncing at every instant: the history
            // writes a row when the view changed.
            var other = second.console().runtime().registry();
            for (int i = 0; i < 10; i++) {
                other.incrementCounter("task_executions_total", 2, "status", "success", "task_name", "payment");
                second.sync();
                second.console().history().tick(); // Takes the lease over at once, the first having released it.
                clock.advance(Duration.ofSeconds(15));
            }

            List<Long> times = times(second.get(SERIES, second.bearer()).body());
            assertEquals(20, times.size(), "every instant of both halves, from the other console: " + times);
            assertEquals(20, new HashSet<>(times).size(), "no instant twice: " + times);
            for (int i = 1; i < times.size(); i++) {
                assertEquals(15, times.get(i) - times.get(i - 1), "no instant lost: " + times);
            }
            JsonNode exports =
                    JSON.readTree(second.get(Ui.API_EXPORTS, second.bearer()).body());
            assertEquals(1, exports.path("total").asInt(), exports.toString());
            assertEquals("json", exports.path("exports").path(0).path("format").asText(), exports.toString());
        } finally {
            if (first != null) {
                first.close();
            }
        }
    }

    @Test
    void thePasswordComesFromAFileAndNeverShowsAndTheHealthReportGivesTheDatabaseSize(@TempDir Path dir)
            throws Exception {
        Path secret = Files.writeString(dir.resolve("password"), POSTGRES.password() + "\n");
        try (ConsoleFixture console = ConsoleFixture.builder()
                .postgres(POSTGRES)
                .without("TASKER_CONSOLE_DATABASE_PASSWORD")
                .env("TASKER_CONSOLE_DATABASE_PASSWORD_FILE", secret.toString())
                .start()) {
            String status = console.get(Ui.HEALTH_STATUS, console.bearer()).body();
            assertFalse(status.contains(POSTGRES.password()), "the password never shows: " + status);
            assertTrue(
                    JSON.readTree(status).path("database_file").path("bytes").asLong() > 0,
                    "pg_database_size: " + status);
            assertEquals(200, console.get(Ui.HEALTH_READY).status(), status);
        }
    }

    private static ConsoleFixture console(String database, ManualClock clock, String namespace) {
        return ConsoleFixture.builder()
                .postgres(POSTGRES, database)
                .clock(clock)
                .cacheUrl(REDIS.url())
                .env("TASKER_CACHE_NAMESPACE", namespace)
                .start();
    }

    private static List<Long> times(String json) throws Exception {
        List<Long> out = new ArrayList<>();
        for (JsonNode t : JSON.readTree(json).path("times")) {
            out.add(t.asLong());
        }
        return out;
    }
}
