package io.tasker.metrics.console.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tasker.metrics.Counter;
import io.tasker.metrics.console.web.Ui;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;

/** Label values come from the services' callers: the console shows them as text, never as markup. */
class EscapingBrowserTest {
    static final String PAYLOAD = "<script>alert(1)</script>";

    @RegisterExtension
    static final BrowserConsole browser = new BrowserConsole();

    @Test
    void scriptInALabelValueShowsAsText() {
        Counter.builder("xss_probe")
                .labelNames("payload")
                .register(browser.console().console().runtime().registry())
                .labels(PAYLOAD)
                .inc();
        browser.open(Ui.DASHBOARD);
        // Sync now brings the series into the cluster view that the table shows.
        browser.byId(Ui.ID_SYNC_NOW).click();
        browser.waitUntil(d -> d.findElement(By.cssSelector("#" + Ui.ID_SYNC_PANEL + " .message"))
                .isDisplayed());

        browser.open(Ui.DASHBOARD + "?name=xss_probe&interval=60");
        WebElement labels = browser.driver().findElement(By.cssSelector("#" + Ui.ID_METRICS_TABLE + " td.labels"));
        assertEquals("payload=\"" + PAYLOAD + "\"", labels.getText());
        assertEquals(0L, browser.js("return document.querySelectorAll('#" + Ui.ID_METRICS_TABLE + " script').length;"));
        assertThrows(
                NoAlertPresentException.class, () -> browser.driver().switchTo().alert());
    }

    @Test
    void scriptInAFilterShowsAsText() {
        browser.open(Ui.DASHBOARD + "?name=" + URLEncoder.encode(PAYLOAD, StandardCharsets.UTF_8));
        assertEquals(PAYLOAD, browser.byId(Ui.ID_FILTER_NAME).getAttribute("value"));
        assertThrows(
                NoAlertPresentException.class, () -> browser.driver().switchTo().alert());
    }
}
