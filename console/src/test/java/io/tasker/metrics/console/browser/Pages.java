package io.tasker.metrics.console.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.console.web.Ui;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Every page of the console, lived in: the demo's series synced, a history of samples, a task
 * over the error-rate threshold (so the banner shows), one export in the history, and one run
 * to open (a failed one: the demo's successful runs leave the ring within seconds); plus a page that does not exist, for the error page.
 */
final class Pages {
    /** A page that does not exist, for the error page. */
    static final String MISSING = "/no-such-page";

    private static final Pattern TASK_ID = Pattern.compile("\"task_id\":\"([^\"]+)\"");

    private Pages() {}

    /** Fills the console and returns the path of each page. */
    static List<String> prepare(BrowserConsole browser) throws InterruptedException {
        MetricRegistry registry = browser.console().console().runtime().registry();
        browser.console().syncDemo(20);
        browser.console().sampleHistory(2);
        for (int i = 0; i < 3; i++) {
            registry.incrementCounter("task_executions_total", 6, "status", "success", "task_name", "invoice_export");
            registry.incrementCounter("task_executions_total", 4, "status", "failure", "task_name", "invoice_export");
            browser.console().sampleHistory(1);
        }
        browser.open(Ui.DASHBOARD);
        browser.byId(Ui.ID_EXPORT_NOW).click();
        browser.waitUntil(d -> !d.findElements(By.cssSelector("#" + Ui.ID_HISTORY + " tr.export-row"))
                .isEmpty());
        String failed = new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                .withMessage("the demo recorded no failed run")
                .until(d -> {
                    Matcher run = TASK_ID.matcher(browser.fetchText(Ui.API_RUNS + "?status=failed&limit=1"));
                    return run.find() ? run.group(1) : null;
                });
        return List.of(
                Ui.DASHBOARD,
                Ui.TASKS_PAGE,
                Ui.RUNS_PAGE,
                Ui.runPage(failed),
                Ui.INSTANCES_PAGE,
                Ui.HEALTH_PAGE,
                Ui.EXPORTS_PAGE,
                Ui.CHART_PAGE,
                Ui.CHART_PAGE + "?name=tasker_task_duration_seconds&window=15m",
                MISSING);
    }

    /**
     * Opens a page of {@link #prepare}. The missing one's 404 shows in the browser's log as an
     * error: that one is taken out, so that the check after each test still sees any other.
     */
    static void open(BrowserConsole browser, String page) {
        browser.open(page);
        if (page.equals(MISSING)) {
            List<String> others = browser.driver().manage().logs().get(LogType.BROWSER).getAll().stream()
                    .map(LogEntry::getMessage)
                    .filter(m -> !m.contains(
                            MISSING + " - Failed to load resource: the server responded with a status of 404"))
                    .toList();
            assertEquals(List.of(), others, "errors in the browser's console");
        }
    }

    /** Switches the page's theme as the toggle does, remembered for the next pages. */
    static void theme(BrowserConsole browser, String theme) {
        browser.js(
                "localStorage.setItem('tasker-theme', arguments[0]);"
                        + "document.documentElement.dataset.theme = arguments[0];",
                theme);
    }
}
