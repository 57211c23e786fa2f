package io.tasker.metrics.console;

import static io.tasker.metrics.console.Texts.count;
import static io.tasker.metrics.console.Texts.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.Counter;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.console.ConsoleFixture.Response;
import io.tasker.metrics.console.web.Ui;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The pages and the metric table fragment, over a cluster view of known metrics. */
class DashboardTest {
    private static ConsoleFixture console;

    @BeforeAll
    static void start() {
        console = ConsoleFixture.start();
        MetricRegistry registry = console.console().runtime().registry();
        Counter jobs = registry.counter("jobs_total", "queue");
        for (int i = 0; i < 60; i++) {
            jobs.labels(String.format("q%02d", i)).inc(i);
        }
        registry.gauge("queue_depth", "queue").labels("q00").set(7);
        registry.histogram("job_duration_seconds", "queue").labels("q00").observe(0.3);
        console.sync();
    }

    @AfterAll
    static void stop() {
        console.close();
    }

    @Test
    void dashboardShowsEveryPanel() {
        Response r = console.get(Ui.DASHBOARD);
        assertEquals(200, r.status());
        assertEquals("text/html;charset=utf-8", r.contentType().replace(" ", ""));
        for (String panel : List.of(
                Ui.ID_STATUS,
                Ui.ID_SYNC_PANEL,
                Ui.ID_EXPORT_PANEL,
                Ui.ID_METRICS_TABLE,
                Ui.ID_FILTER_FORM,
                Ui.ID_HISTORY,
                Ui.ID_STALE_BANNER,
                Ui.ID_CARDINALITY,
                Ui.ID_SYNC_NOW,
                Ui.ID_EXPORT_NOW,
                Ui.ID_DOWNLOAD_JSON,
                Ui.ID_DOWNLOAD_CSV,
                Ui.ID_DOWNLOAD_PROMETHEUS)) {
            assertTrue(r.body().contains(id(panel)), "the dashboard lacks #" + panel);
        }
        assertTrue(r.body().contains("tasker_jobs_total"), "the metric table shows the synced counter");
        assertTrue(r.body().contains("local_only"), "the sync panel names the memory store's strategy");
    }

    @Test
    void dashboardIssuesOneCsrfTokenPerBrowser() {
        ConsoleFixture.Browser browser = console.browser();
        assertEquals(browser.cookie(), browser.token(), "the page's token is the cookie's");
        Response again = console.get(Ui.DASHBOARD, "Cookie", Ui.CSRF_COOKIE + "=" + browser.cookie());
        assertNull(again.header("Set-Cookie"), "a browser with a token keeps it");
        assertTrue(again.body().contains(browser.token()));
        assertTrue(console.get(Ui.DASHBOARD).header("Set-Cookie").contains("HttpOnly"));
    }

    @Test
    void healthPageShowsTheReport() {
        Response r = console.get(Ui.HEALTH_PAGE);
        assertEquals(200, r.status());
        assertTrue(r.body().contains(id(Ui.ID_HEALTH)));
        assertTrue(r.body().contains("local_only"));
        assertTrue(r.body().contains("memory"), "the page names the store");
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        for (String path :
                List.of(Ui.DASHBOARD, Ui.METRICS, Ui.API_METRICS, Ui.HEALTH_LIVE, Ui.EXPORTS_PAGE, "/no/such/page")) {
            Response r = console.get(path);
            assertEquals("nosniff", r.header("X-Content-Type-Options"), path);
            assertEquals("DENY", r.header("X-Frame-Options"), path);
            assertNotNull(r.header("Content-Security-Policy"), path);
            assertTrue(r.header("Content-Security-Policy").contains("frame-ancestors 'none'"), path);
        }
        Response refused = console.post(Ui.API_SYNC);
        assertEquals(403, refused.status());
        assertEquals("nosniff", refused.header("X-Content-Type-Options"), "a refusal carries them too");
    }

    @Test
    void theScriptsAndStylesThePageNamesAreServedAndNoneIsInline() {
        String page = console.get(Ui.DASHBOARD).body();
        Matcher tags =
                Pattern.compile("<(script|link rel=\"stylesheet\")([^>]*)>").matcher(page);
        int found = 0;
        while (tags.find()) {
            Matcher src = Pattern.compile("(?:src|href)=\"(/[^\"]+)\"").matcher(tags.group(2));
            assertTrue(src.find(), "the policy allows no inline script: " + tags.group());
            Response r = console.get(src.group(1));
            assertEquals(200, r.status(), src.group(1));
            assertTrue(
                    r.contentType().contains(src.group(1).endsWith(".css") ? "css" : "javascript"),
                    src.group(1) + ": " + r.contentType());
            found++;
        }
        assertEquals(4, found, "htmx, idiomorph, the console's script and its styles");
        assertFalse(Pattern.compile("\\son[a-z]+=").matcher(page).find(), "no inline event handler");
    }

    @Test
    void fragmentFiltersByNameAndPages() {
        Response first = console.get(Ui.METRICS_FRAGMENT + "?name=jobs");
        assertEquals(200, first.status());
        assertFalse(first.body().contains("<html"), "a fragment, not a page");
        assertTrue(first.body().contains(id(Ui.ID_METRICS_TABLE)));
        assertTrue(first.body().contains("60 of "), first.body());
        assertTrue(first.body().contains("page 1 of 2"));
        assertEquals(50, count(first.body(), "class=\"metric-row"));
        assertFalse(first.body().contains("tasker_queue_depth"));
        assertTrue(first.body().contains("rel=\"next\""));

        Response second = console.get(Ui.METRICS_FRAGMENT + "?name=jobs&page=2");
        assertTrue(second.body().contains("page 2 of 2"));
        assertEquals(10, count(second.body(), "class=\"metric-row"));
        assertTrue(second.body().contains("rel=\"prev\""));
    }

    @Test
    void fragmentFiltersByLabelAndType() {
        Response byLabel = console.get(Ui.METRICS_FRAGMENT + "?name=jobs&label=q07");
        assertEquals(1, count(byLabel.body(), "class=\"metric-row"), byLabel.body());
        assertTrue(byLabel.body().contains("q07"));

        Response gauges = console.get(Ui.METRICS_FRAGMENT + "?type=gauge");
        assertTrue(gauges.body().contains("tasker_queue_depth"));
        assertEquals(0, count(gauges.body(), "class=\"metric-row counter"));
        assertEquals(0, count(gauges.body(), "class=\"metric-row histogram"));

        Response histograms = console.get(Ui.METRICS_FRAGMENT + "?type=histogram");
        assertTrue(histograms.body().contains("tasker_job_duration_seconds"));
        assertTrue(histograms.body().contains("p95"), "a histogram row summarises its quantiles");
    }

    @Test
    void fragmentSortsByValueBothWays() {
        String desc = console.get(Ui.METRICS_FRAGMENT + "?name=jobs&sort=value&dir=desc")
                .body();
        assertTrue(desc.indexOf("q59") < desc.indexOf("q58"), "largest first");
        assertFalse(desc.contains("q09"), "the smallest ten are on page 2");

        String asc = console.get(Ui.METRICS_FRAGMENT + "?name=jobs&sort=value&dir=asc")
                .body();
        assertTrue(asc.indexOf("q00") < asc.indexOf("q01"), "smallest first");
        assertFalse(asc.contains("q59"));
    }
}
