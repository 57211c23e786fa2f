package io.tasker.metrics.console.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.console.web.Ui;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.chrome.ChromeDriver;

/** Every page on a phone's screen, 390x844: nothing wider than the screen, the menu folded. */
class ResponsiveBrowserTest {
    @RegisterExtension
    static final BrowserConsole browser = new BrowserConsole();

    @Test
    void noPageScrollsSidewaysAt390Pixels() throws Exception {
        List<String> pages = Pages.prepare(browser);
        phone(true);
        try {
            List<String> wide = new ArrayList<>();
            for (String page : pages) {
                Pages.open(browser, page);
                browser.waitUntil(d -> "complete".equals(browser.js("return document.readyState;")));
                assertEquals(390L, browser.js("return document.documentElement.clientWidth;"), page);
                long scroll = (Long) browser.js("return document.documentElement.scrollWidth;");
                if (scroll > 390) {
                    wide.add(page + " lays out " + scroll + " px");
                }
            }
            assertEquals(List.of(), wide, "pages wider than the screen");
        } finally {
            phone(false);
        }
    }

    @Test
    void theNavigationFoldsBehindTheMenuButton() throws Exception {
        phone(true);
        try {
            browser.open(Ui.TASKS_PAGE);
            assertFalse(browser.byId(Ui.ID_NAV).isDisplayed(), "folded at first");
            browser.byId(Ui.ID_NAV_TOGGLE).click();
            assertTrue(browser.byId(Ui.ID_NAV).isDisplayed(), "open after the menu button");
            assertEquals("true", browser.byId(Ui.ID_NAV_TOGGLE).getDomAttribute("aria-expanded"));
        } finally {
            phone(false);
        }
        browser.open(Ui.TASKS_PAGE);
        assertTrue(browser.byId(Ui.ID_NAV).isDisplayed(), "always shown on a wide screen");
        assertFalse(browser.byId(Ui.ID_NAV_TOGGLE).isDisplayed(), "no menu button on a wide screen");
    }

    /** Emulates a phone's viewport (mobile, so the viewport meta tag applies), or ends it. */
    private static void phone(boolean on) {
        ChromeDriver chrome = (ChromeDriver) browser.driver();
        if (on) {
            chrome.executeCdpCommand(
                    "Emulation.setDeviceMetricsOverride",
                    Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
        } else {
            chrome.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }
}
