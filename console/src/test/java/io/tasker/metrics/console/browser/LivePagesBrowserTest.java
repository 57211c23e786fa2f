package io.tasker.metrics.console.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.console.web.Ui;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Every page refreshes itself in place (issue 26): new values come without a reload, and what the
 * operator opened stays open, the scroll where it was.
 */
class LivePagesBrowserTest {
    @RegisterExtension
    static final BrowserConsole browser = new BrowserConsole();

    @Test
    void theDashboardUpdatesAndKeepsOpenSectionsAndTheScroll() throws Exception {
        browser.console().syncDemo(20);
        browser.console().sampleHistory(2);
        browser.open(Ui.DASHBOARD + "?interval=2");
        // A histogram's buckets in the table (which polls by itself) and the cache capabilities
        // in the sync panel (which the page's own refresh brings).
        browser.js("document.querySelector('#" + Ui.ID_METRICS_TABLE + " details summary').click();"
                + "document.querySelector('#" + Ui.ID_SYNC_PANEL + " details summary').click();");
        browser.js("window.scrollTo(0, 420);");
        long scrolled = (Long) browser.js("return Math.round(window.scrollY);");
        assertEquals(420L, scrolled, "the page is long enough to scroll");
        browser.markDocument();
        countSwaps();
        String before = browser.byId(Ui.ID_SYNC_LAST).getText();

        browser.console().clock().advance(Duration.ofSeconds(30));
        browser.console().console().runtime().collector().orElseThrow().syncNow();
        browser.waitUntil(d -> !browser.byId(Ui.ID_SYNC_LAST).getText().equals(before));
        browser.waitUntil(d -> swaps(Ui.ID_METRICS_TABLE) > 0 && swaps(Ui.ID_LIVE) > 0);

        assertTrue(browser.sameDocument(), "the page was reloaded");
        assertEquals(
                List.of(true, true),
                browser.js("return Array.from(document.querySelectorAll('#" + Ui.ID_METRICS_TABLE + " details, #"
                        + Ui.ID_SYNC_PANEL + " details')).filter(d => d.open).length > 1"
                        + " ? [true, true] : [false, false];"),
                "the opened sections stay open");
        assertEquals(scrolled, browser.js("return Math.round(window.scrollY);"), "the scroll stays");
        assertTrue(
                browser.byId(Ui.ID_LIVE_AGE).getText().matches("updated \\d+ s ago"),
                browser.byId(Ui.ID_LIVE_AGE).getText());
    }

    @Test
    void everyPageRefreshesItselfAndThePauseStopsIt() throws Exception {
        List<String> pages = Pages.prepare(browser);
        for (String page : pages.subList(1, pages.size() - 1)) {
            browser.open(page);
            browser.markDocument();
            countSwaps();
            try {
                browser.waitUntil(d -> swaps(Ui.ID_LIVE) > 0);
            } catch (TimeoutException e) {
                throw new AssertionError(
                        page + " did not refresh: " + browser.js("return JSON.stringify(window.__swaps);"), e);
            }
            assertTrue(browser.sameDocument(), page + " was reloaded");
        }
        browser.open(Ui.HEALTH_PAGE);
        String before = browser.byId(Ui.ID_HEALTH).getText();
        browser.console().clock().advance(Duration.ofSeconds(30));
        browser.console().console().runtime().collector().orElseThrow().syncNow();
        browser.waitUntil(d -> !browser.byId(Ui.ID_HEALTH).getText().equals(before));

        browser.byId(Ui.ID_PAUSE).click();
        assertTrue(browser.byId(Ui.ID_LIVE_AGE).getText().startsWith("paused"));
        browser.js("window.__sent = 0; document.addEventListener('htmx:beforeSend', e => {"
                + " if (e.detail.elt.id === '" + Ui.ID_LIVE + "') window.__sent++; });");
        String paused = browser.byId(Ui.ID_HEALTH).getText();
        browser.console().clock().advance(Duration.ofSeconds(30));
        browser.console().console().runtime().collector().orElseThrow().syncNow();
        // The age ticks every second while paused; after six of them a refresh would have come due.
        browser.waitUntil(
                d -> browser.byId(Ui.ID_LIVE_AGE).getText().matches("paused · updated ([6-9]|\\d\\d+) s ago"));
        assertEquals(0L, browser.js("return window.__sent;"), "a refresh was sent while paused");
        assertEquals(paused, browser.byId(Ui.ID_HEALTH).getText());
        browser.byId(Ui.ID_PAUSE).click();
        browser.waitUntil(d -> !browser.byId(Ui.ID_HEALTH).getText().equals(paused));
        assertNotEquals(paused, browser.byId(Ui.ID_HEALTH).getText());
    }

    @Test
    void aChartTakesNewPointsWithoutAReload() throws Exception {
        browser.console().syncDemo(20);
        browser.console().sampleHistory(4);
        browser.open(Ui.CHART_PAGE + "?name=tasker_queue_depth&window=15m");
        browser.waitUntil(d ->
                !d.findElements(By.cssSelector("#" + Ui.ID_CHART + " canvas")).isEmpty());
        browser.markDocument();
        browser.console().sampleHistory(3);
        // The chart asks every 15 s: wait for more points than the 4 it was drawn with.
        new WebDriverWait(browser.driver(), Duration.ofSeconds(40))
                .until(d -> Integer.parseInt(String.valueOf(browser.js(
                                "return document.getElementById('" + Ui.ID_CHART + "').dataset.points || '0';")))
                        > 4);
        assertTrue(browser.sameDocument(), "the page was reloaded");
    }

    private static void countSwaps() {
        browser.js("window.__swaps = {};"
                + "document.addEventListener('htmx:afterSettle', e => {"
                + "  const id = e.detail.target && e.detail.target.id;"
                + "  window.__swaps[id] = (window.__swaps[id] || 0) + 1; });");
    }

    private static long swaps(String id) {
        return ((Number) browser.js("return window.__swaps[arguments[0]] || 0;", id)).longValue();
    }
}
