package io.tasker.metrics.console.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.console.web.Ui;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The pictures over time in Chromium: a uPlot chart with one legend entry per series, the Tasks
 * page highlighting a task pushed over the error-rate threshold and the banner it raises, and
 * the dashboard's headline row; screenshots light and dark for docs/console.md. The extension
 * fails the test on any error in the browser's console, a Content-Security-Policy violation
 * among them.
 */
class ChartsBrowserTest {
    @RegisterExtension
    static final BrowserConsole browser = new BrowserConsole();

    @Test
    void aChartDrawsAUplotCanvasWithOneLegendEntryPerSeries() throws Exception {
        browser.console().syncDemo(20);
        browser.console().sampleHistory(12);
        int queues = browser.console()
                .console()
                .runtime()
                .registry()
                .snapshot()
                .family("tasker_queue_depth")
                .orElseThrow()
                .points()
                .size();
        browser.open(Ui.CHART_PAGE + "?name=tasker_queue_depth&window=15m");
        browser.waitUntil(d ->
                !d.findElements(By.cssSelector("#" + Ui.ID_CHART + " canvas")).isEmpty());
        List<WebElement> legend =
                browser.driver().findElements(By.cssSelector("#" + Ui.ID_CHART + " .u-legend .u-series"));
        assertEquals(queues + 1, legend.size(), "the time and one entry per queue");
        assertTrue(legend.get(1).getText().contains("queue="), legend.get(1).getText());
        browser.screenshot("chart-light");
        browser.byId(Ui.ID_THEME_TOGGLE).click();
        browser.open(Ui.CHART_PAGE + "?name=tasker_task_duration_seconds&window=1h");
        browser.waitUntil(d ->
                !d.findElements(By.cssSelector("#" + Ui.ID_CHART + " canvas")).isEmpty());
        browser.screenshot("chart-dark");
        browser.byId(Ui.ID_THEME_TOGGLE).click();
    }

    @Test
    void theTasksPageHighlightsATaskOverTheErrorRateThresholdAndRaisesTheBanner() throws Exception {
        MetricRegistry registry = browser.console().console().runtime().registry();
        browser.console().syncDemo(20);
        browser.console().sampleHistory(2);
        for (int i = 0; i < 4; i++) {
            registry.incrementCounter("task_executions_total", 6, "status", "success", "task_name", "invoice_export");
            registry.incrementCounter("task_executions_total", 4, "status", "failure", "task_name", "invoice_export");
            registry.incrementCounter("task_executions_total", 10, "status", "success", "task_name", "invoice_archive");
            browser.console().sampleHistory(1);
        }
        browser.open(Ui.TASKS_PAGE + "?window=5m&sort=error_rate&dir=desc");
        WebElement over = browser.driver()
                .findElement(By.cssSelector("#" + Ui.ID_TASKS_TABLE + " tr[data-task='invoice_export']"));
        WebElement fine = browser.driver()
                .findElement(By.cssSelector("#" + Ui.ID_TASKS_TABLE + " tr[data-task='invoice_archive']"));
        assertTrue(over.getAttribute("class").contains("over"), over.getAttribute("class"));
        assertFalse(fine.getAttribute("class").contains("over"), fine.getAttribute("class"));
        assertEquals("40.0% over", over.findElement(By.className("error-rate")).getText());
        // Alone over the threshold, the task's banner gives its rate; with demo tasks over it too,
        // one grouped banner names every task over it.
        browser.waitUntil(d -> {
            String banner = d.findElement(By.id(Ui.ID_ALERT_BANNER)).getText();
            return banner.contains("invoice_export\u201d fails 40.0%")
                    || (banner.contains("tasks fail more than 5.0%") && banner.contains("\u201cinvoice_export\u201d"));
        });
        browser.screenshot("tasks-light");
        browser.byId(Ui.ID_THEME_TOGGLE).click();
        browser.screenshot("tasks-dark");

        browser.open(Ui.DASHBOARD);
        WebElement executions = browser.byId("headline-executions");
        assertTrue(executions.getText().startsWith("Task executions / min"), executions.getText());
        assertFalse(
                executions.findElements(By.cssSelector("svg.spark polyline")).isEmpty(), "a sparkline");
        browser.screenshot("dashboard-headlines-dark");
        browser.byId(Ui.ID_THEME_TOGGLE).click();
    }
}
