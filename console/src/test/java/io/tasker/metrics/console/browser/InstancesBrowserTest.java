package io.tasker.metrics.console.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.console.web.Ui;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The Instances page in Chromium: the console's own instance is live after its sync, and late
 * once the test lets two sync intervals pass without one (the manual clock moves, the console's
 * background sync, on real time, does not come); the banner says so. Screenshots light and dark.
 */
class InstancesBrowserTest {
    @RegisterExtension
    static final BrowserConsole browser = new BrowserConsole();

    @Test
    void anInstanceThatStopsSyncingShowsAsLateWithABanner() throws Exception {
        browser.console().syncDemo(20);
        String id =
                browser.console().console().runtime().collector().orElseThrow().instanceId();
        browser.open(Ui.INSTANCES_PAGE);
        assertEquals("live", status(id));
        assertTrue(row(id).getText().contains("tasker_task_executions_total"), row(id).getText());

        browser.console().clock().advance(Duration.ofSeconds(61)); // Two 30 s sync intervals and a second.
        browser.console().console().history().tick(); // The alerts are judged after each history sample.
        browser.open(Ui.INSTANCES_PAGE);
        assertEquals("late", status(id));
        browser.waitUntil(d ->
                d.findElement(By.id(Ui.ID_ALERT_BANNER)).getText().contains("Instance \u201c" + id + "\u201d is late"));
        browser.screenshot("instances-light");
        browser.byId(Ui.ID_THEME_TOGGLE).click();
        browser.screenshot("instances-dark");
        browser.byId(Ui.ID_THEME_TOGGLE).click();
    }

    private static WebElement row(String id) {
        return browser.driver()
                .findElement(By.cssSelector("#" + Ui.ID_INSTANCES_TABLE + " tr[data-instance='" + id + "']"));
    }

    private static String status(String id) {
        return row(id).findElement(By.className("status")).getText();
    }
}
