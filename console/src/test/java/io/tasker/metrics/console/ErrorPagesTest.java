package io.tasker.metrics.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.console.ConsoleFixture.Response;
import io.tasker.metrics.console.web.Ui;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A browser that meets an error gets a page with the navigation; scripts keep their bodies. */
class ErrorPagesTest {
    private static final String[] BROWSER = {"Accept", "text/html,application/xhtml+xml,*/*;q=0.8"};
    private static ConsoleFixture console;

    @BeforeAll
    static void start() {
        console = ConsoleFixture.builder().start();
    }

    @AfterAll
    static void stop() {
        console.close();
    }

    @Test
    void aMissingPageIsAPageWithTheNavigation() {
        assertPage(console.get("/no-such-page", BROWSER), 404, "Not Found: /no-such-page");
    }

    @Test
    void aBadRequestAndAnAgedOutRunArePages() {
        assertPage(console.get(Ui.CHART_PAGE + "?name=x&window=7y", BROWSER), 400, "window");
        assertPage(console.get(Ui.runPage("gone-1"), BROWSER), 404, "No recent run of task gone-1");
    }

    @Test
    void theApiAndScriptsKeepTheirBodies() {
        Response api = console.get(Ui.apiRun("gone-1"), BROWSER);
        assertEquals(404, api.status());
        assertTrue(api.contentType().startsWith("application/json"), api.contentType());
        Response plain = console.get(Ui.CHART_PAGE + "?name=x&window=7y");
        assertEquals(400, plain.status());
        assertTrue(
                plain.contentType().startsWith("text/plain"), "no Accept: text/html, no page: " + plain.contentType());
    }

    private static void assertPage(Response r, int status, String says) {
        assertEquals(status, r.status(), r.body());
        assertTrue(r.contentType().startsWith("text/html"), r.contentType());
        assertTrue(r.body().contains("id=\"" + Ui.ID_NAV + "\""), "the navigation: " + r.body());
        assertTrue(r.body().contains(says), r.body());
        assertFalse(r.body().contains("id=\"" + Ui.ID_LIVE + "\""), "an error page does not refresh itself");
    }
}
