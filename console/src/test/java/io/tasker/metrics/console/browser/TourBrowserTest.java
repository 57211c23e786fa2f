package io.tasker.metrics.console.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.console.web.Ui;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * A newcomer's first minutes with {@code bin/console --demo}: a lived-in dashboard, an export
 * in each format, the history and health pages, in both themes. Each page must fit a laptop
 * screen without sideways scrolling; the screenshots saved here illustrate docs/console.md.
 */
class TourBrowserTest {
    @RegisterExtension
    static final BrowserConsole browser = new BrowserConsole();

    @Test
    void everyPageFitsALaptopScreenInBothThemes() throws Exception {
        browser.console().syncDemo(30);
        browser.open(Ui.DASHBOARD);
        for (String format : List.of("prometheus", "csv", "json")) {
            exportNow(format);
            // Apart in time, yet within the plan's window, so that the panel shows "optimal timing".
            browser.console().clock().advance(Duration.ofSeconds(30));
        }
        assertFitsTheWindow("dashboard");
        browser.screenshot("dashboard-light");

        browser.byId(Ui.ID_THEME_TOGGLE).click();
        assertFitsTheWindow("dark dashboard");
        browser.screenshot("dashboard-dark");

        browser.open(Ui.EXPORTS_PAGE);
        assertEquals(
                3,
                browser.driver()
                        .findElements(By.cssSelector("#" + Ui.ID_HISTORY + " tr.export-row"))
                        .size());
        browser.byId(Ui.ID_THEME_TOGGLE).click();
        assertFitsTheWindow("exports page");
        browser.screenshot("exports");

        browser.open(Ui.HEALTH_PAGE);
        assertFitsTheWindow("health page");
        browser.screenshot("health");
    }

    private static void exportNow(String format) {
        int before = exportRows();
        new Select(browser.byId(Ui.ID_EXPORT_FORMAT)).selectByValue(format);
        browser.byId(Ui.ID_EXPORT_NOW).click();
        browser.waitUntil(d -> exportRows() == before + 1);
    }

    private static int exportRows() {
        return browser.driver()
                .findElements(By.cssSelector("#" + Ui.ID_HISTORY + " tr.export-row"))
                .size();
    }

    private static void assertFitsTheWindow(String page) {
        Number overflow = (Number)
                browser.js("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertTrue(overflow.intValue() <= 0, "the " + page + " scrolls sideways by " + overflow + " px");
    }
}
