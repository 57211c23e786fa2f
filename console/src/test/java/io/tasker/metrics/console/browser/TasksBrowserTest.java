package io.tasker.metrics.console.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.console.alerts.Alerts;
import io.tasker.metrics.console.tasks.TasksController;
import io.tasker.metrics.console.web.Ui;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The Tasks page as the way from a question to its answer, in Chromium: what failed in a task's
 * last failed run is one click away (its "last failure" cell); the task's name leads to its runs,
 * its sparkline to its chart; the totals row adds the rows up; every column sorts.
 */
class TasksBrowserTest {
    @RegisterExtension
    static final BrowserConsole browser = new BrowserConsole();

    @Test
    void theLastFailedRunOfATaskIsOneClickFromTasks() throws Exception {
        browser.console().syncDemo(20);
        WebElement failure = lastFailureLink(Instant.now().plus(Duration.ofSeconds(60)));
        String task = failure.findElement(By.xpath("ancestor::tr")).getAttribute("data-task");
        String href = failure.getAttribute("href");
        String api = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(browser.console().url(Ui.API_TASKS + "?window=5m")))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        String id =
                new ObjectMapper().readTree(api).get("last_failures").get(task).asText();
        assertTrue(href.endsWith(Ui.runPage(id)), href + " and /api/tasks' " + id);
        failure.click();
        browser.waitUntilLoaded(Ui.RUNS_PAGE + "/");
        String page = browser.driver().findElement(By.tagName("main")).getText();
        assertTrue(page.contains(task), page);
        assertTrue(page.toLowerCase().contains("failure"), page);
    }

    @Test
    void taskNamesLeadToTheirRunsAndSparklinesToTheirCharts() throws Exception {
        browser.console().syncDemo(20);
        browser.console().sampleHistory(3);
        browser.open(Ui.TASKS_PAGE + "?window=1h");
        WebElement row = rows().get(0);
        String task = row.getAttribute("data-task");
        String chart = row.findElement(By.className("task-chart")).getAttribute("href");
        row.findElement(By.className("task-runs")).click();
        browser.waitUntilLoaded("task_name=");
        List<WebElement> runs = browser.driver().findElements(By.cssSelector("#" + Ui.ID_RUNS_TABLE + " tbody tr"));
        assertFalse(runs.isEmpty(), "the task's runs");
        runs.forEach(r -> assertTrue(r.getText().contains(task), r.getText()));

        browser.driver().get(chart);
        browser.waitUntil(d ->
                !d.findElements(By.cssSelector("#" + Ui.ID_CHART + " canvas")).isEmpty());
        List<WebElement> legend =
                browser.driver().findElements(By.cssSelector("#" + Ui.ID_CHART + " .u-legend .u-series"));
        assertTrue(legend.size() > 1, "lines of the task");
        legend.stream()
                .skip(1)
                .forEach(l -> assertTrue(l.getText().contains("task_name=\"" + task + "\""), l.getText()));
    }

    @Test
    void theTotalsRowAddsTheTasksUpAndEveryColumnSorts() throws Exception {
        browser.console().syncDemo(20);
        browser.console().sampleHistory(3);
        browser.open(Ui.TASKS_PAGE + "?window=1h");
        long sum = 0;
        for (WebElement r : rows()) {
            sum += Long.parseLong(cells(r).get(1));
        }
        WebElement totals = browser.driver().findElement(By.cssSelector("#" + Ui.ID_TASKS_TABLE + " tfoot tr"));
        assertEquals(
                String.valueOf(sum),
                totals.findElements(By.tagName("td")).get(0).getText());

        List<WebElement> headers =
                browser.driver().findElements(By.cssSelector("#" + Ui.ID_TASKS_TABLE + " thead th a"));
        assertEquals(TasksController.SORTS.size(), headers.size(), "a link on every sortable column");
        browser.open(Ui.TASKS_PAGE + "?window=1h&sort=executions&dir=desc");
        List<Long> executions = new ArrayList<>();
        rows().forEach(r -> executions.add(Long.parseLong(cells(r).get(1))));
        List<Long> sorted = new ArrayList<>(executions);
        sorted.sort((a, b) -> Long.compare(b, a));
        assertEquals(sorted, executions);
        assertEquals(
                "Executions",
                browser.driver()
                        .findElement(By.cssSelector("#" + Ui.ID_TASKS_TABLE + " th[aria-sort='descending']"))
                        .getText());
        for (String sort : TasksController.SORTS) {
            browser.open(Ui.TASKS_PAGE + "?window=1h&sort=" + sort);
            assertFalse(rows().isEmpty(), sort);
        }
    }

    @Test
    void aBannerOpensTasksOnTheAlertsOwnWindow() throws Exception {
        MetricRegistry registry = browser.console().console().runtime().registry();
        browser.console().syncDemo(20);
        for (int i = 0; i < 3; i++) {
            registry.incrementCounter("task_executions_total", 5, "status", "failure", "task_name", "ledger_close");
            registry.incrementCounter("task_executions_total", 5, "status", "success", "task_name", "ledger_close");
            browser.console().sampleHistory(1);
        }
        browser.open(Ui.DASHBOARD);
        WebElement link =
                browser.waitUntil(d -> d.findElements(By.cssSelector("#" + Ui.ID_ALERT_BANNER + " a")).stream()
                        .filter(a -> a.getAttribute("href").contains(Ui.TASKS_PAGE))
                        .findFirst()
                        .orElse(null));
        link.click();
        browser.waitUntilLoaded(Ui.TASKS_PAGE);
        assertEquals(
                Alerts.WINDOW.word(),
                browser.driver()
                        .findElement(By.cssSelector("nav.windows a[aria-current='page']"))
                        .getText());
        String rate = browser.driver()
                .findElement(By.cssSelector("tr[data-task='ledger_close'] .error-rate"))
                .getText();
        assertTrue(rate.startsWith("50.0%"), "the banner's figure: " + rate);
    }

    /** Samples the demo until some task has a failed run, then its link on the Tasks page. */
    private static WebElement lastFailureLink(Instant deadline) throws InterruptedException {
        while (true) {
            browser.console().sampleHistory(1);
            browser.open(Ui.TASKS_PAGE + "?window=5m");
            List<WebElement> links = browser.driver().findElements(By.cssSelector("td.last-failure a"));
            if (!links.isEmpty()) {
                return links.get(0);
            }
            assertTrue(Instant.now().isBefore(deadline), "no task of the demo failed within a minute");
        }
    }

    private static List<WebElement> rows() {
        return browser.driver().findElements(By.cssSelector("#" + Ui.ID_TASKS_TABLE + " tbody tr.task-row"));
    }

    private static List<String> cells(WebElement row) {
        return row.findElements(By.tagName("td")).stream()
                .map(WebElement::getText)
                .toList();
    }
}
