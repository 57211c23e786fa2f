package io.tasker.metrics.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tasker.metrics.console.ConsoleFixture.Response;
import io.tasker.metrics.console.web.Ui;
import io.tasker.metrics.testing.RedisServerExtension;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A console on a real redis-server that is then stopped: health says degraded and why, a banner
 * says the store cannot be reached, the sync panel gives the error once, and the console's own
 * runs are still listed from its memory (issue 26).
 */
class StoreDownTest {
    @RegisterExtension
    static final RedisServerExtension redis = new RedisServerExtension();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WITHIN = Duration.ofSeconds(15);

    private ConsoleFixture console;

    @BeforeEach
    void start() {
        console = ConsoleFixture.builder().cacheUrl(redis.url()).demo().start();
    }

    @AfterEach
    void stop() {
        try {
            console.close();
        } finally {
            redis.start();
        }
    }

    @Test
    void healthIsDegradedWithTheReasonWhileTheStoreIsStopped() throws Exception {
        // No export ran yet, so exports are stale; the store and the sync are fine.
        assertEquals("[\"exports are stale\"]", health().path("degraded_by").toString(), "before: " + health());
        assertTrue(console.get(Ui.ALERTS_FRAGMENT).body().contains("banners hidden"));

        redis.stop();
        assertEquals(502, console.post(Ui.API_SYNC, console.bearer()).status(), "a sync to a stopped store fails");

        JsonNode report = health();
        assertEquals("degraded", report.path("status").asText(), report.toString());
        List<String> reasons = JSON.convertValue(
                report.path("degraded_by"), JSON.getTypeFactory().constructCollectionType(List.class, String.class));
        assertTrue(reasons.contains("the last sync failed"), reasons.toString());
        assertTrue(reasons.contains("the cache store cannot be read"), reasons.toString());

        String page = console.get(Ui.HEALTH_PAGE, "Accept", "text/html").body();
        assertTrue(page.contains("Health: <span class=\"bad\">degraded</span>"), page);
        assertTrue(page.contains("Degraded: the cache store cannot be read; the last sync failed"), page);

        String banner = await(Ui.ALERTS_FRAGMENT, b -> b.contains("id=\"" + Ui.ID_STORE_BANNER + "\""));
        assertTrue(banner.contains("class=\"banner error\""), banner);
        assertTrue(banner.contains(">Health page: the store and the last sync</a>"), banner);
    }

    @Test
    void theSyncPanelGivesTheErrorOnceTheFiguresAreStaleAndTheOwnRunsStay() throws Exception {
        console.sync();
        console.console().history().tick();
        assertTrue(console.get(Ui.DASHBOARD, "Accept", "text/html").body().contains("class=\"headlines\""));
        redis.stop();
        Response failed = console.post(Ui.API_SYNC, console.bearer());
        assertEquals(502, failed.status(), failed.body());

        String dashboard = console.get(Ui.DASHBOARD, "Accept", "text/html").body();
        String panel = dashboard.substring(
                dashboard.indexOf("id=\"" + Ui.ID_SYNC_PANEL + "\""),
                dashboard.indexOf("id=\"" + Ui.ID_EXPORT_PANEL + "\""));
        assertTrue(panel.contains("unreachable"), panel);
        assertEquals(1, count(panel, "class=\"error\""), "the store's error once in the sync panel: " + panel);
        assertTrue(dashboard.contains("class=\"headlines stale\""), "the headline figures are marked stale");

        String runs = console.get(Ui.RUNS_PAGE, "Accept", "text/html").body();
        assertTrue(runs.contains("Shown: this console's own runs, from its memory."), runs);
        assertTrue(count(runs, "<a href=\"" + Ui.RUNS_PAGE + "/") > 0, "the demo's runs are listed: " + runs);
    }

    private JsonNode health() throws Exception {
        return JSON.readTree(console.get(Ui.HEALTH_STATUS).body());
    }

    private String await(String path, Predicate<String> until) {
        String body = Awaitility.await()
                .alias(path)
                .atMost(WITHIN)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> console.get(path).body(), until::test);
        assertTrue(until.test(body), path + ": " + body);
        return body;
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
