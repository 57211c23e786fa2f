package io.tasker.metrics.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tasker.metrics.Clock;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.console.ConsoleFixture.Response;
import io.tasker.metrics.console.web.Ui;
import io.tasker.metrics.export.ExportFormat;
import io.tasker.metrics.export.ExportHistory;
import io.tasker.metrics.export.ExportRecord;
import io.tasker.metrics.export.ExportTiming;
import io.tasker.metrics.export.ExportTrigger;
import io.tasker.metrics.store.CacheStore;
import io.tasker.metrics.store.CacheStores;
import io.tasker.metrics.sync.ClusterSync;
import io.tasker.metrics.sync.SyncOptions;
import io.tasker.metrics.sync.SyncStrategy;
import io.tasker.metrics.testing.RedisServerExtension;
import io.tasker.metrics.testing.TextSocket;
import java.time.Duration;
import java.time.Instant;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The console on a real Redis: readiness follows the store, and the export history is shared. */
class RedisStoreTest {
    @RegisterExtension
    static final RedisServerExtension redis = new RedisServerExtension();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WITHIN = Duration.ofSeconds(15);
    private ConsoleFixture console;

    @BeforeEach
    void start() {
        console = ConsoleFixture.builder().cacheUrl(redis.url()).start();
    }

    @AfterEach
    void stop() {
        console.close();
    }

    @Test
    void readyFollowsTheStore() throws Exception {
        assertEquals(200, console.get(Ui.HEALTH_READY).status());

        redis.stop();
        Response down = await(Ui.HEALTH_READY, 503);
        assertEquals(503, down.status(), down.body());
        JsonNode body = JSON.readTree(down.body());
        assertEquals("not ready", body.path("status").asText());
        assertFalse(body.path("checks").path("cache").asText().equals("ok"), down.body());
        assertEquals("ok", body.path("checks").path("database").asText());
        assertEquals(200, console.get(Ui.HEALTH_LIVE).status(), "alive all the same");
        assertFalse(JSON.readTree(console.get(Ui.HEALTH_STATUS).body())
                .path("cache_healthy")
                .asBoolean());

        redis.start();
        Response up = await(Ui.HEALTH_READY, 200);
        assertEquals(200, up.status(), up.body());
        assertTrue(
                JSON.readTree(console.get(Ui.HEALTH_STATUS).body())
                        .path("cache_healthy")
                        .asBoolean(),
                "/health/status agrees with /health/ready at once, not after the next sync");
        assertEquals(200, console.post(Ui.API_SYNC, console.bearer()).status(), "syncing works again");
    }

    @Test
    void readyTellsAnyoneTheStatusOnlyAndTheLoginTheError() throws Exception {
        redis.stop();
        try {
            Response down = await(Ui.HEALTH_READY, 503);
            // No login, any Host: a probe's answer names no address, URL or error of the store.
            assertFalse(
                    down.body().contains(String.valueOf(redis.port()))
                            || down.body().contains("redis://")
                            || down.body().toLowerCase(java.util.Locale.ROOT).contains("refused"),
                    down.body());
            assertEquals(
                    "failing",
                    JSON.readTree(down.body()).path("checks").path("cache").asText(),
                    down.body());
            String details = console.get(Ui.HEALTH_STATUS).body();
            assertTrue(
                    details.contains(String.valueOf(redis.port())), "the details stay on /health/status: " + details);
        } finally {
            redis.start();
        }
    }

    @Test
    void reportsTheDistributedStrategy() throws Exception {
        console.console().runtime().registry().counter("jobs_total").inc(2);
        console.sync();
        JsonNode status = JSON.readTree(console.get(Ui.HEALTH_STATUS).body());
        assertEquals("distributed_atomic", status.path("sync_strategy").asText());
        assertTrue(status.path("cache_healthy").asBoolean());
        assertTrue(console.get(Ui.METRICS).body().contains("tasker_jobs_total{tasker_view=\"cluster\"} 2"));
    }

    @Test
    void historyShowsExportsAnotherProcessRecorded() throws Exception {
        try (CacheStore other = CacheStores.open(redis.url(), Duration.ofSeconds(2), Clock.SYSTEM)) {
            new ExportHistory(
                            other,
                            console.console().runtime().cluster().options().keys())
                    .append(ExportRecord.succeeded(
                            new ExportRecord.Start(
                                    Instant.parse("2026-02-01T03:00:00Z"),
                                    ExportFormat.PROMETHEUS,
                                    "http://prometheus:9090/api/v1/write",
                                    ExportTrigger.SCHEDULER,
                                    "web-2",
                                    4,
                                    ExportTiming.Reason.OPTIMAL_TIMING),
                            10,
                            800,
                            30,
                            1));
        }
        console.importHistory();
        assertEquals(
                200,
                console.post(Ui.API_EXPORT + "?format=json", console.bearer()).status());

        JsonNode history = JSON.readTree(console.get(Ui.API_EXPORTS).body());
        assertEquals(2, history.path("total").asInt(), history.toString());
        assertTrue(history.path("exports").findValuesAsText("instance").contains("web-2"), history.toString());
        assertTrue(console.get(Ui.EXPORTS_PAGE).body().contains("web-2 (scheduler)"));
    }

    @Test
    void pagesDegradeWhileTheStoreIsDown() throws Exception {
        console.console().runtime().registry().counter("jobs_total").inc();
        console.sync();
        redis.stop();

        Response metrics = await(Ui.METRICS, 503);
        assertEquals(503, metrics.status(), metrics.body());
        assertTrue(metrics.body().contains("cannot be read"), metrics.body());
        assertEquals(503, console.get(Ui.API_METRICS).status());
        assertTrue(
                console.get(Ui.API_METRICS + "?scope=instance").body().contains("tasker_jobs_total"),
                "this instance's own view needs no store");
        assertEquals(503, console.get(Ui.API_EXPORT + "?format=csv").status(), "no download of a view it cannot read");

        Response sync = console.post(Ui.API_SYNC, console.bearer());
        assertEquals(502, sync.status(), sync.body());
        assertFalse(JSON.readTree(sync.body()).path("error").isNull());

        Response export = console.post(Ui.API_EXPORT + "?format=json", console.bearer());
        assertEquals(502, export.status(), export.body());
        assertEquals("FAILED", JSON.readTree(export.body()).path("outcome").asText());
        JsonNode history =
                JSON.readTree(console.get(Ui.API_EXPORTS + "?outcome=failed").body());
        assertEquals(1, history.path("total").asInt(), "kept in H2 though the shared store cannot take it");

        Response page = console.get(Ui.DASHBOARD);
        assertEquals(200, page.status());
        assertTrue(page.body().contains("The cluster view cannot be read"), page.body());
        assertTrue(Texts.from(page.body(), Ui.ID_SYNC_PANEL).contains("unreachable"));
        assertTrue(Texts.from(page.body(), Ui.ID_EXPORT_NEXT).contains("unknown"));
        assertEquals(200, console.get(Ui.HEALTH_PAGE).status());
        assertEquals(200, console.get(Ui.EXPORTS_PAGE).status());
    }

    /**
     * The store loses its data and another instance has not written again yet: every page's
     * banner says the view is being written again and whom it waits for, and "Export now" says
     * it is held back and when exports resume; once that instance has written, both clear.
     */
    @Test
    void aStoreLossShowsTheBannerAndHoldsExportNowBackUntilEveryInstanceWroteAgain() throws Exception {
        SyncOptions options = console.console().runtime().cluster().options().withInstanceId("web-9");
        MetricRegistry other = new MetricRegistry();
        other.counter("jobs_total").inc(7);
        try (CacheStore store = CacheStores.open(redis.url(), Duration.ofSeconds(2), Clock.SYSTEM)) {
            ClusterSync web9 = new ClusterSync(store, options, Clock.SYSTEM, other::snapshot);
            assertTrue(web9.sync(SyncStrategy.DISTRIBUTED_ATOMIC).success());
            console.sync(); // the console sees web-9 live
            try (TextSocket socket = TextSocket.connect("127.0.0.1", redis.port(), Duration.ofSeconds(5))) {
                socket.send("FLUSHALL\r\n");
                assertEquals("+OK", socket.readLine());
            }
            console.sync(); // notices the loss, expects web-9 to write again

            Response banner = awaitBanner(true);
            assertTrue(
                    banner.body().contains("The view is being written again.")
                            && banner.body().contains("web-9"),
                    banner.body());
            Response held = console.post(
                    Ui.API_EXPORT + "?format=json", "Authorization", console.bearer()[1], "HX-Request", "true");
            assertEquals(200, held.status(), held.body());
            String message = Texts.from(held.body(), Ui.ID_EXPORT_PANEL);
            assertTrue(
                    message.contains("Export held back, nothing written:") && message.contains("exports resume"),
                    message);
            Response json = console.post(Ui.API_EXPORT + "?format=json", console.bearer());
            assertEquals(503, json.status(), json.body());
            assertEquals("HELD_BACK", JSON.readTree(json.body()).path("outcome").asText());

            assertTrue(web9.sync(SyncStrategy.DISTRIBUTED_ATOMIC).success());
            awaitBanner(false);
            assertEquals(
                    200,
                    console.post(Ui.API_EXPORT + "?format=json", console.bearer())
                            .status());
        }
    }

    /** GETs the recovery banner until it shows (or hides), or the time is up: the view is cached for a second. */
    private Response awaitBanner(boolean shown) {
        Response r = Awaitility.await()
                .atMost(WITHIN)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> console.get(Ui.RECOVERY_FRAGMENT), b -> b.body().contains("banner hidden") != shown);
        assertEquals(shown, !r.body().contains("banner hidden"), r.body());
        return r;
    }

    /** GETs the path until it answers with that status, or the time is up. */
    private Response await(String path, int status) {
        return Awaitility.await()
                .atMost(WITHIN)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> console.get(path), r -> r.status() == status);
    }
}
