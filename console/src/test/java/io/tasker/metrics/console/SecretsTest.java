package io.tasker.metrics.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.console.ConsoleFixture.Response;
import io.tasker.metrics.console.web.Ui;
import io.tasker.metrics.testing.RedisServerExtension;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The store's and the remote write's passwords stay out of every page, also while the store is down. */
class SecretsTest {
    private static final String STORE_PASSWORD = "store-" + UUID.randomUUID();
    private static final String PROMETHEUS_PASSWORD = "prom-" + UUID.randomUUID();
    private static final List<String> PAGES = List.of(
            Ui.DASHBOARD,
            Ui.HEALTH_PAGE,
            Ui.EXPORTS_PAGE,
            Ui.HEALTH_STATUS,
            Ui.HEALTH_READY,
            Ui.API_EXPORTS,
            Ui.METRICS,
            Ui.API_METRICS);

    @RegisterExtension
    static final RedisServerExtension redis = new RedisServerExtension("--requirepass", STORE_PASSWORD);

    @Test
    void passwordsNeverShow() {
        String url = "redis://:" + STORE_PASSWORD + "@" + redis.host() + ":" + redis.port() + "/0";
        try (ConsoleFixture console = ConsoleFixture.builder()
                .cacheUrl(url)
                .env("PROMETHEUS_ENDPOINT", "http://127.0.0.1:9/api/v1/write")
                .env("PROMETHEUS_USERNAME", "pusher")
                .env("PROMETHEUS_PASSWORD", PROMETHEUS_PASSWORD)
                .start()) {
            console.sync();
            assertEquals(
                    200,
                    console.post(Ui.API_EXPORT + "?format=json", console.bearer())
                            .status());
            assertTrue(
                    console.get(Ui.HEALTH_STATUS).body().contains("\"cache_healthy\":true"),
                    "the password works: the store is in use");
            assertClean(console);

            redis.stop();
            assertEquals(502, console.post(Ui.API_SYNC, console.bearer()).status());
            assertEquals(503, console.get(Ui.HEALTH_READY).status());
            assertClean(console);
        }
    }

    private static void assertClean(ConsoleFixture console) {
        for (String page : PAGES) {
            Response r = console.get(page);
            assertFalse(r.body().contains(STORE_PASSWORD), page + ": " + r.body());
            assertFalse(r.body().contains(PROMETHEUS_PASSWORD), page + ": " + r.body());
        }
    }
}
