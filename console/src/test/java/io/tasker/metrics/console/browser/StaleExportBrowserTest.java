package io.tasker.metrics.console.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.console.web.Ui;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The stale-export banner follows the last successful export (15 minutes allowed), and the
 * health page says the same; the manual clock stands in for the quarter of an hour.
 */
class StaleExportBrowserTest {
    @RegisterExtension
    static final BrowserConsole browser = new BrowserConsole();

    @Test
    void bannerShowsWithoutExportsHidesAfterOneAndReturnsWhenItAges() throws Exception {
        browser.open(Ui.DASHBOARD);
        WebElement banner = browser.byId(Ui.ID_STALE_BANNER);
        assertTrue(banner.isDisplayed(), "no export yet: the banner shows");
        assertTrue(banner.getText().startsWith("Exports are stale."), banner.getText());
        browser.screenshot("stale-banner");

        browser.markDocument();
        browser.byId(Ui.ID_EXPORT_NOW).click();
        browser.waitUntil(ExpectedConditions.invisibilityOfElementLocated(By.id(Ui.ID_STALE_BANNER)));
        assertTrue(browser.sameDocument(), "the banner went with the export's answer, not with a reload");

        browser.console().clock().advance(Duration.ofMinutes(14));
        browser.open(Ui.DASHBOARD);
        assertFalse(browser.byId(Ui.ID_STALE_BANNER).isDisplayed(), "14 minutes are within the threshold");

        browser.console().clock().advance(Duration.ofMinutes(2));
        browser.open(Ui.DASHBOARD);
        banner = browser.byId(Ui.ID_STALE_BANNER);
        assertTrue(banner.isDisplayed(), "16 minutes after the export the banner is back");
        assertTrue(
                banner.getText().contains("Exports are stale.")
                        && banner.getText().contains("16 min ago"),
                banner.getText());
    }

    @Test
    void healthPageShowsTheStatus() {
        browser.open(Ui.HEALTH_PAGE);
        assertEquals("degraded", status(), "no export yet");
        assertTrue(
                browser.byId(Ui.ID_HEALTH).getText().contains("stale"),
                browser.byId(Ui.ID_HEALTH).getText());

        browser.open(Ui.DASHBOARD);
        browser.byId(Ui.ID_EXPORT_NOW).click();
        browser.waitUntil(ExpectedConditions.invisibilityOfElementLocated(By.id(Ui.ID_STALE_BANNER)));

        browser.open(Ui.HEALTH_PAGE);
        assertEquals("ok", status());
        String text = browser.byId(Ui.ID_HEALTH).getText();
        assertTrue(text.contains("memory") && text.contains("fresh"), text);
    }

    private static String status() {
        return browser.driver()
                .findElement(By.cssSelector("#" + Ui.ID_HEALTH + " h2 span"))
                .getText();
    }
}
