package io.tasker.metrics.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.console.ConsoleFixture.Response;
import io.tasker.metrics.console.web.Ui;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A console with a login: every page asks for it except the probes, and no secret ever shows. */
class BasicAuthTest {
    private static final String USER = "operator";
    private static final String PASSWORD = "pw-" + UUID.randomUUID();
    private static final List<String> PAGES = List.of(
            Ui.DASHBOARD,
            Ui.EXPORTS_PAGE,
            Ui.HEALTH_PAGE,
            Ui.HEALTH_STATUS,
            Ui.METRICS,
            Ui.API_METRICS,
            Ui.API_EXPORTS,
            Ui.METRICS_FRAGMENT,
            Ui.API_EXPORT + "?format=json");
    private static ConsoleFixture console;

    @BeforeAll
    static void start() {
        console = ConsoleFixture.builder()
                .env("TASKER_CONSOLE_USERNAME", USER)
                .env("TASKER_CONSOLE_PASSWORD", PASSWORD)
                .start();
    }

    @AfterAll
    static void stop() {
        console.close();
    }

    @Test
    void everyPageAsksForALogin() {
        for (String page : PAGES) {
            Response r = console.get(page);
            assertEquals(401, r.status(), page);
            assertTrue(r.header("WWW-Authenticate").startsWith("Basic realm=\"Tasker Metrics\""), page);
        }
        assertEquals(401, console.post(Ui.API_SYNC).status());
    }

    @Test
    void theLoginOpensEveryPage() {
        for (String page : PAGES) {
            assertEquals(200, console.get(page, login(USER, PASSWORD)).status(), page);
        }
    }

    @Test
    void aWrongLoginIsRefused() {
        assertEquals(401, console.get(Ui.DASHBOARD, login(USER, PASSWORD + "x")).status());
        assertEquals(401, console.get(Ui.DASHBOARD, login("admin", PASSWORD)).status());
        assertEquals(
                401,
                console.get(Ui.DASHBOARD, "Authorization", "Basic not-base64!").status());
    }

    @Test
    void theProbesStayOpen() {
        assertEquals(200, console.get(Ui.HEALTH_LIVE).status());
        assertEquals(200, console.get(Ui.HEALTH_READY).status());
    }

    @Test
    void theBearerTokenWorksForScripts() {
        assertEquals(200, console.get(Ui.HEALTH_STATUS, console.bearer()).status());
        assertEquals(200, console.post(Ui.API_SYNC, console.bearer()).status());
    }

    @Test
    void aLoggedInBrowserStillNeedsTheCsrfToken() {
        String[] login = login(USER, PASSWORD);
        assertEquals(403, console.post(Ui.API_SYNC, login).status());
        ConsoleFixture.Browser browser = console.browser(login);
        assertEquals(200, console.post(Ui.API_SYNC, browser.headers(login)).status());
    }

    @Test
    void neitherThePasswordNorTheTokenEverShows() {
        console.sync();
        List<Response> responses = new ArrayList<>();
        for (String page : PAGES) {
            responses.add(console.get(page, login(USER, PASSWORD)));
            responses.add(console.get(page));
        }
        responses.add(console.post(Ui.API_EXPORT + "?format=json", console.bearer()));
        responses.add(console.post(Ui.API_SYNC, login(USER, PASSWORD)));
        responses.add(console.get(Ui.HEALTH_READY));
        for (Response r : responses) {
            assertFalse(r.body().contains(PASSWORD), r.body());
            assertFalse(r.body().contains(console.token()), r.body());
            r.headers().forEach((name, values) -> assertFalse(values.toString().contains(PASSWORD), name));
        }
    }

    private static String[] login(String user, String password) {
        String pair = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new String[] {"Authorization", "Basic " + pair};
    }
}
