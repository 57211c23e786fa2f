package io.tasker.metrics.console.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.Counter;
import io.tasker.metrics.console.web.Ui;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;

/** The metric table polls by itself at the interval in the URL, and stops while paused. */
class LiveTableBrowserTest {
    @RegisterExtension
    static final BrowserConsole browser = new BrowserConsole();

    @Test
    void tablePicksUpNewSeriesWithoutReload() {
        browser.open(Ui.DASHBOARD + "?name=poll_probe&interval=2");
        assertEquals(List.of(), MetricRows.read(browser).rows());
        browser.markDocument();

        Counter.builder("poll_probe")
                .labelNames("step")
                .register(browser.console().console().runtime().registry())
                .labels("first")
                .inc();
        // Sync now puts the new series into the cluster view; the table is not part of its answer,
        // so only the table's own polling can bring the row.
        browser.byId(Ui.ID_SYNC_NOW).click();
        browser.waitUntil(d -> !MetricRows.read(browser).rows().isEmpty());

        assertEquals(
                List.of("tasker_poll_probe_total"), MetricRows.read(browser).names());
        assertTrue(browser.sameDocument(), "the page was reloaded");
        assertTrue(
                browser.byId(Ui.ID_METRICS_TABLE).getDomAttribute("hx-get").contains("interval=2"),
                "the polls keep the interval");
    }

    @Test
    void pauseTogglesAndStopsThePolls() {
        browser.open(Ui.DASHBOARD + "?interval=2");
        WebElement pause = browser.byId(Ui.ID_PAUSE);
        assertEquals("false", pause.getDomAttribute("aria-pressed"));
        browser.js("window.__polls = {ticks: 0, sent: 0};"
                + "document.addEventListener('htmx:beforeRequest', e => {"
                + "  if (e.detail.elt.id === '" + Ui.ID_METRICS_TABLE + "') window.__polls.ticks++; });"
                + "document.addEventListener('htmx:beforeSend', e => {"
                + "  if (e.detail.elt.id === '" + Ui.ID_METRICS_TABLE + "') window.__polls.sent++; });");

        pause.click();
        assertEquals("true", pause.getDomAttribute("aria-pressed"));
        assertEquals("Resume", pause.getText());
        assertEquals(Boolean.FALSE, browser.js("return window.taskerPolling();"));
        // A poll comes due every 2 s; while paused it must not reach the server.
        browser.js("window.__polls = {ticks: 0, sent: 0};");
        browser.waitUntil(d -> ((Number) browser.js("return window.__polls.ticks;")).intValue() > 0);
        assertEquals(0L, browser.js("return window.__polls.sent;"), "a poll was sent while paused");

        pause.click();
        assertEquals("false", pause.getDomAttribute("aria-pressed"));
        assertEquals("Pause", pause.getText());
        browser.waitUntil(d -> ((Number) browser.js("return window.__polls.sent;")).intValue() > 0);
    }
}
