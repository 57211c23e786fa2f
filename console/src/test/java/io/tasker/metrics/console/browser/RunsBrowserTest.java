package io.tasker.metrics.console.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.console.web.Ui;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The Task runs page in Chromium on the demo's runs: the failed-only filter, then one failed
 * run's step timeline with its failing attempt in red and the error under it. The screenshots
 * saved here illustrate docs/console.md.
 */
class RunsBrowserTest {
    @RegisterExtension
    static final BrowserConsole browser = new BrowserConsole();

    @Test
    void aFailedRunShowsItsStepTimelineAndWhyItFailed() throws Exception {
        browser.console().syncDemo(30);
        // The demo fails about one task in twelve: a failed run comes within seconds.
        List<WebElement> failed = Awaitility.await()
                .alias("a failed run of the demo")
                .atMost(Duration.ofSeconds(40))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> {
                            browser.open(Ui.RUNS_PAGE + "?status=failed");
                            return browser.driver()
                                    .findElements(By.cssSelector("#" + Ui.ID_RUNS_TABLE + " tr.failure"));
                        },
                        rows -> !rows.isEmpty());
        assertFalse(failed.isEmpty(), "the demo produced no failed run");
        browser.open(Ui.RUNS_PAGE);
        new Select(browser.byId("runs-status")).selectByValue("failed");
        browser.byId(Ui.ID_RUNS_FILTER)
                .findElement(By.cssSelector("button[type=submit]"))
                .click();
        browser.waitUntilLoaded("status=failed");
        List<WebElement> rows = browser.driver().findElements(By.cssSelector("#" + Ui.ID_RUNS_TABLE + " tbody tr"));
        assertTrue(rows.stream().allMatch(r -> r.getAttribute("class").equals("failure")), "only failed runs listed");
        assertTrue(
                browser.driver()
                                .findElements(By.cssSelector("#" + Ui.ID_STEP_SUMMARY + " tbody tr"))
                                .size()
                        >= 4,
                "every demo step ranked");
        browser.screenshot("task-runs");

        WebElement link = rows.get(0).findElement(By.cssSelector("td.name a"));
        String taskId = link.getText();
        link.click();
        browser.waitUntilLoaded(Ui.runPage(taskId));
        WebElement timeline = browser.byId(Ui.ID_TIMELINE);
        List<WebElement> bars = timeline.findElements(By.cssSelector(".bar"));
        List<WebElement> failures = timeline.findElements(By.cssSelector(".bar.failure"));
        assertTrue(bars.size() >= 3 && failures.size() >= 3, "a failed step failed all 3 attempts: " + bars.size());
        assertEquals(
                failures.size(), timeline.findElements(By.cssSelector(".why")).size(), "each failed attempt says why");
        assertTrue(failures.get(failures.size() - 1).getSize().getWidth() > 0, "the bar is drawn");
        String barColour =
                (String) browser.js("return getComputedStyle(arguments[0]).backgroundColor;", failures.get(0));
        String okColour = bars.get(0).getAttribute("class").contains("success")
                ? (String) browser.js("return getComputedStyle(arguments[0]).backgroundColor;", bars.get(0))
                : null;
        assertFalse(barColour.equals(okColour), "failures and successes look different");
        assertTrue(
                browser.driver().getPageSource().contains("set console.trace_url to link it"),
                "the demo's runs carry a trace id");
        browser.screenshot("task-run");
    }
}
