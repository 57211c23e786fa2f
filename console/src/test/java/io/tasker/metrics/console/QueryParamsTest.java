package io.tasker.metrics.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.console.ConsoleFixture.Response;
import io.tasker.metrics.console.web.Ui;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A query parameter the console cannot honour is a 400 that says so, never a silent default. */
class QueryParamsTest {
    private static ConsoleFixture console;

    @BeforeAll
    static void start() {
        console = ConsoleFixture.start();
        assertEquals(
                200,
                console.post(Ui.API_EXPORT + "?format=json", console.bearer()).status());
    }

    @AfterAll
    static void stop() {
        console.close();
    }

    @Test
    void theHistoryApiRefusesWhatItCannotHonour() {
        bad(Ui.API_EXPORTS + "?limit=-1", "limit must be a whole number from 1 to 500, got '-1'");
        bad(Ui.API_EXPORTS + "?limit=many", "limit");
        bad(Ui.API_EXPORTS + "?offset=-3", "offset");
        bad(Ui.API_EXPORTS + "?offset=5", "offset 5 is past the last export (1 in all)");
        bad(Ui.API_EXPORTS + "?outcome=bogus", "outcome must be one of [success, failed, skipped, held_back]");
        bad(Ui.API_EXPORTS + "?format=bogus", "format must be one of");
        assertEquals(
                200,
                console.get(Ui.API_EXPORTS + "?format=openmetrics&outcome=SUCCESS&limit=500")
                        .status());
        assertEquals(200, console.get(Ui.API_EXPORTS + "?offset=0&outcome=").status());
    }

    @Test
    void theExportsPageRefusesWhatItCannotHonour() {
        bad(Ui.EXPORTS_PAGE + "?page=0", "page");
        bad(Ui.EXPORTS_PAGE + "?page=x", "page");
        bad(Ui.EXPORTS_PAGE + "?outcome=bogus", "outcome");
        Response past = console.get(Ui.EXPORTS_PAGE + "?page=99");
        assertEquals(200, past.status(), "an old link past the end shows the last page");
    }

    @Test
    void theExportsPageOffersEveryFormatTheHistoryHolds() {
        Response page = console.get(Ui.EXPORTS_PAGE);
        for (String f : new String[] {"prometheus", "openmetrics", "json", "csv", "remote_write"}) {
            assertTrue(page.body().contains("<option value=\"" + f + "\""), f);
        }
    }

    @Test
    void theDashboardRefusesWhatItCannotHonour() {
        for (String path : new String[] {Ui.DASHBOARD, Ui.METRICS_FRAGMENT}) {
            bad(path + "?type=bogus", "type must be one of");
            bad(path + "?sort=bogus", "sort");
            bad(path + "?dir=sideways", "dir");
            bad(path + "?page=-2", "page");
            bad(path + "?interval=7", "interval must be one of [2, 5, 10, 30, 60]");
            assertEquals(
                    200,
                    console.get(path + "?type=counter&sort=value&dir=desc&page=1&interval=10")
                            .status());
        }
    }

    @Test
    void aPostToMetricsIs405() {
        assertEquals(405, console.post(Ui.METRICS).status());
        assertEquals(405, console.post(Ui.METRICS, console.bearer()).status());
        assertEquals(403, console.post(Ui.API_SYNC).status(), "a real action still needs its CSRF token");
    }

    private static void bad(String path, String message) {
        Response r = console.get(path);
        assertEquals(400, r.status(), path + ": " + r.body());
        assertTrue(r.body().contains(message), path + ": " + r.body());
    }
}
