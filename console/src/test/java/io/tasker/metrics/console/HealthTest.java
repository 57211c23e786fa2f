package io.tasker.metrics.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tasker.metrics.console.ConsoleFixture.Response;
import io.tasker.metrics.console.web.Ui;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The probes and {@code /health/status} on a memory store and an in-memory H2 database. */
class HealthTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private ConsoleFixture console;

    @BeforeEach
    void start() {
        console = ConsoleFixture.start();
    }

    @AfterEach
    void stop() {
        console.close();
    }

    @Test
    void liveAnswers() throws Exception {
        Response r = console.get(Ui.HEALTH_LIVE);
        assertEquals(200, r.status());
        assertEquals("ok", JSON.readTree(r.body()).path("status").asText());
    }

    @Test
    void readyWhenTheStoreAndTheDatabaseAnswer() throws Exception {
        Response r = console.get(Ui.HEALTH_READY);
        assertEquals(200, r.status(), r.body());
        JsonNode body = JSON.readTree(r.body());
        assertEquals("ready", body.path("status").asText());
        assertEquals("ok", body.path("checks").path("cache").asText());
        assertEquals("ok", body.path("checks").path("database").asText());
    }

    @Test
    void statusReportsBeforeAnySyncOrExport() throws Exception {
        JsonNode s = status();
        for (String field : List.of(
                "status",
                "instance_id",
                "metrics_count",
                "series_count",
                "sync_strategy",
                "cache_store",
                "cache_healthy",
                "last_sync",
                "database_healthy",
                "last_export",
                "last_successful_export",
                "export_stale",
                "export_stale_threshold_seconds",
                "sync_failure_streak",
                "sync_failing")) {
            assertTrue(s.has(field), "/health/status lacks " + field + ": " + s);
        }
        assertEquals("local_only", s.path("sync_strategy").asText());
        assertTrue(s.path("cache_healthy").asBoolean());
        assertTrue(s.path("database_healthy").asBoolean());
        assertFalse(s.path("sync_failing").asBoolean());
        assertTrue(s.path("last_sync").isNull());
        assertTrue(s.path("last_export").isNull());
        assertTrue(s.path("export_stale").asBoolean(), "no export yet counts as stale");
        assertEquals("degraded", s.path("status").asText());
        assertEquals(900, s.path("export_stale_threshold_seconds").asLong());
    }

    @Test
    void statusReportsTheLastSyncAndExport() throws Exception {
        console.console().runtime().registry().counter("jobs_total").inc();
        console.sync();
        assertEquals(
                200,
                console.post(Ui.API_EXPORT + "?format=csv", console.bearer()).status());

        JsonNode s = status();
        assertTrue(s.path("metrics_count").asInt() >= 1, s.toString());
        assertTrue(s.path("series_count").asInt() >= s.path("metrics_count").asInt());
        Instant lastSync = Instant.parse(s.path("last_sync").asText());
        Instant lastExport = Instant.parse(s.path("last_export").asText());
        assertFalse(lastExport.isBefore(lastSync));
        assertEquals("success", s.path("last_export_outcome").asText());
        assertEquals(lastExport, Instant.parse(s.path("last_successful_export").asText()));
        assertFalse(s.path("export_stale").asBoolean());
        assertEquals("ok", s.path("status").asText());
    }

    private JsonNode status() throws Exception {
        Response r = console.get(Ui.HEALTH_STATUS);
        assertEquals(200, r.status());
        assertTrue(r.contentType().startsWith("application/json"), r.contentType());
        return JSON.readTree(r.body());
    }

    @Test
    void seriesTheHistoryCannotStoreAreCountedAndNamedOnTheHealthPage() throws Exception {
        String x = "x".repeat(1000);
        console.console()
                .runtime()
                .registry()
                .counter("wide_total", "a", "b", "c")
                .labels(x, x, x)
                .inc();
        console.sync();
        console.console().history().tick();
        JsonNode history = status().path("history");
        assertEquals(1, history.path("skipped").asInt(), history.toString());
        assertTrue(history.path("error").isNull(), history.toString());
        assertTrue(history.path("skipped_series").get(0).asText().startsWith("tasker_wide{"), history.toString());
        String page = console.get(Ui.HEALTH_PAGE).body();
        assertTrue(page.contains("id=\"" + Ui.ID_HISTORY_SKIPPED + "\"") && page.contains("tasker_wide{"), page);
    }
}
