package io.tasker.metrics.console;

import static io.tasker.metrics.console.Texts.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tasker.metrics.console.ConsoleFixture.Browser;
import io.tasker.metrics.console.ConsoleFixture.Response;
import io.tasker.metrics.console.web.Ui;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * "Sync now" and "Export now": a script with the bearer token or a browser with the CSRF token
 * may; nobody else may; htmx gets the panels it swaps in.
 */
class ActionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static ConsoleFixture console;

    @BeforeAll
    static void start() {
        console = ConsoleFixture.start();
        console.console().runtime().registry().counter("jobs_total").inc(4);
    }

    @AfterAll
    static void stop() {
        console.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {Ui.API_SYNC, Ui.API_EXPORT + "?format=json"})
    void scriptWithTheBearerTokenGetsJson(String action) throws Exception {
        Response r = console.post(action, console.bearer());
        assertEquals(200, r.status(), r.body());
        assertTrue(r.contentType().startsWith("application/json"), r.contentType());
        JsonNode body = JSON.readTree(r.body());
        assertTrue(body.path("error").isNull(), r.body());
        assertTrue(body.has("at"), r.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {Ui.API_SYNC, Ui.API_EXPORT + "?format=json"})
    void browserWithTheCsrfTokenMay(String action) {
        Browser browser = console.browser();
        assertEquals(200, console.post(action, browser.headers()).status());
        assertEquals(
                200,
                console.post(action, browser.headers("Origin", console.base())).status(),
                "its own origin");
        assertEquals(
                200,
                console.post(action, browser.headers("Referer", console.base() + "/"))
                        .status());
    }

    @ParameterizedTest
    @ValueSource(strings = {Ui.API_SYNC, Ui.API_EXPORT + "?format=json"})
    void withNeitherTokenItIsForbiddenAndSaysWhy(String action) {
        Response r = console.post(action);
        assertEquals(403, r.status());
        assertTrue(r.body().contains(Ui.CSRF_HEADER), r.body());
        assertTrue(r.body().contains("Authorization: Bearer"), r.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {Ui.API_SYNC, Ui.API_EXPORT + "?format=json"})
    void wrongTokensAreForbidden(String action) {
        Browser browser = console.browser();
        Browser other = console.browser();
        assertEquals(
                403,
                console.post(action, "Authorization", "Bearer not-" + console.token())
                        .status());
        assertEquals(
                403,
                console.post(action, "Cookie", Ui.CSRF_COOKIE + "=" + browser.cookie(), Ui.CSRF_HEADER, other.token())
                        .status(),
                "a header that is not this browser's cookie");
        assertEquals(403, console.post(action, Ui.CSRF_HEADER, browser.token()).status(), "no cookie");
        assertEquals(
                403,
                console.post(action, "Cookie", Ui.CSRF_COOKIE + "=" + browser.cookie())
                        .status(),
                "no header");
    }

    @ParameterizedTest
    @ValueSource(strings = {Ui.API_SYNC, Ui.API_EXPORT + "?format=json"})
    void aTokenTheConsoleDidNotIssueIsForbiddenEvenAsAnEqualPair(String action) {
        // The double submit alone took any equal cookie and header; the token is now signed by the console.
        String forged = "ab".repeat(32);
        Response r = console.post(action, "Cookie", Ui.CSRF_COOKIE + "=" + forged, Ui.CSRF_HEADER, forged);
        assertEquals(403, r.status(), r.body());
        String issued = console.browser().token();
        String tampered = issued.substring(0, 63) + (issued.charAt(63) == '0' ? '1' : '0');
        assertEquals(
                403,
                console.post(action, "Cookie", Ui.CSRF_COOKIE + "=" + tampered, Ui.CSRF_HEADER, tampered)
                        .status(),
                "one digit changed");
    }

    @ParameterizedTest
    @ValueSource(strings = {Ui.API_SYNC, Ui.API_EXPORT + "?format=json"})
    void anotherOriginIsForbidden(String action) {
        Browser browser = console.browser();
        Response r = console.post(action, browser.headers("Origin", "https://evil.example"));
        assertEquals(403, r.status());
        assertTrue(r.body().contains("another origin"), r.body());
        assertEquals(
                403,
                console.post(action, browser.headers("Referer", "https://evil.example/page"))
                        .status());
        assertEquals(
                403, console.post(action, browser.headers("Origin", "null")).status());
    }

    @Test
    void htmxSyncGetsTheSyncPanel() {
        Response r = console.post(Ui.API_SYNC, console.browser().headers("HX-Request", "true"));
        assertEquals(200, r.status(), r.body());
        assertTrue(r.contentType().startsWith("text/html"));
        assertTrue(r.body().stripLeading().startsWith("<section " + id(Ui.ID_SYNC_PANEL)), r.body());
        assertTrue(r.body().contains("Synced "), r.body());
        assertFalse(r.body().contains("<html"), "a fragment, not a page");
    }

    @Test
    void htmxExportGetsThePanelAndOutOfBandHistoryAndBanner() {
        Response r =
                console.postForm(Ui.API_EXPORT, "format=csv", console.browser().headers("HX-Request", "true"));
        assertEquals(200, r.status(), r.body());
        String html = r.body();
        assertTrue(html.stripLeading().startsWith("<section " + id(Ui.ID_EXPORT_PANEL)), html);
        assertTrue(html.contains("Exported "), html);
        assertTrue(html.contains("<option value=\"csv\" selected>"), "the format chosen stays selected: " + html);
        assertTrue(Texts.from(html, Ui.ID_HISTORY).startsWith("<table " + id(Ui.ID_HISTORY)));
        assertTrue(Texts.from(html, Ui.ID_HISTORY).contains("hx-swap-oob=\"true\""), html);
        assertTrue(Texts.staleBanner(html).contains("hx-swap-oob=\"true\""), html);
        assertTrue(Texts.from(html, Ui.ID_HISTORY).contains("csv"));
        assertFalse(html.contains("<html"));
    }
}
