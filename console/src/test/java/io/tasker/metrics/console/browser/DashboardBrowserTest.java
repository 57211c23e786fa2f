package io.tasker.metrics.console.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.Counter;
import io.tasker.metrics.console.web.Ui;
import io.tasker.metrics.runtime.TaskerRuntime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The dashboard's metric table: the demo's metrics, paging, the filters, and the theme. */
class DashboardBrowserTest {
    /** The design document's metric names, as the demo workload records them. */
    static final List<String> DESIGN_METRICS = List.of(
            "tasker_task_executions_total",
            "tasker_task_duration_seconds",
            "tasker_step_executions_total",
            "tasker_queue_depth");

    @RegisterExtension
    static final BrowserConsole browser = new BrowserConsole();

    @Test
    void showsTheDesignDocumentsMetricsAcrossThePages() {
        // Sixty more series than the demo's, so that the table needs a second page.
        Counter probe = Counter.builder("paging_probe")
                .labelNames("n")
                .register(runtime().registry());
        for (int i = 0; i < 60; i++) {
            probe.labels(String.valueOf(i)).inc();
        }
        runtime().collector().orElseThrow().syncNow();
        browser.open(Ui.DASHBOARD);

        List<MetricRows.Row> rows = new ArrayList<>();
        int pages = 1;
        while (true) {
            rows.addAll(MetricRows.read(browser).rows());
            List<WebElement> next =
                    browser.driver().findElements(By.cssSelector("#" + Ui.ID_METRICS_TABLE + " a[rel=next]"));
            if (next.isEmpty()) {
                break;
            }
            next.get(0).click();
            browser.waitUntilLoaded("page=" + ++pages);
        }
        List<String> names = rows.stream().map(MetricRows.Row::name).distinct().toList();
        assertTrue(names.containsAll(DESIGN_METRICS), "the table shows " + names);
        assertEquals(
                60,
                rows.stream()
                        .filter(r -> r.name().equals("tasker_paging_probe_total"))
                        .count());
        assertTrue(pages >= 2, "one page held every row");
    }

    @Test
    void sortsByTypeFromItsColumnHeader() {
        browser.open(Ui.DASHBOARD);
        browser.driver().findElement(By.linkText("Type")).click();
        browser.waitUntilLoaded("sort=type");

        List<String> types = MetricRows.read(browser).rows().stream()
                .map(MetricRows.Row::type)
                .toList();
        assertEquals(types.stream().sorted().toList(), types);
        assertTrue(types.containsAll(List.of("counter", "gauge", "histogram")), types.toString());
    }

    @Test
    void filtersByName() {
        browser.open(Ui.DASHBOARD);
        browser.byId(Ui.ID_FILTER_NAME).sendKeys("queue");
        apply("name=queue");

        MetricRows table = MetricRows.read(browser);
        assertEquals(List.of("tasker_queue_depth"), table.names(), table.summary());
        assertEquals(3, table.rows().size(), "one row per queue:\n" + table.summary());
        assertEquals("queue", browser.byId(Ui.ID_FILTER_NAME).getAttribute("value"), "the filter stays in the form");
    }

    @Test
    void filtersByTheCounterNameTheTableShows() {
        browser.open(Ui.DASHBOARD);
        browser.byId(Ui.ID_FILTER_NAME).sendKeys("tasker_task_executions_total");
        apply("name=tasker_task_executions_total");

        MetricRows table = MetricRows.read(browser);
        assertEquals(List.of("tasker_task_executions_total"), table.names(), table.summary());
    }

    @Test
    void filtersByType() {
        browser.open(Ui.DASHBOARD);
        new Select(browser.byId(Ui.ID_FILTER_TYPE)).selectByValue("histogram");
        apply("type=histogram");

        MetricRows table = MetricRows.read(browser);
        assertFalse(table.rows().isEmpty(), "no histogram rows");
        assertTrue(table.rows().stream().allMatch(r -> r.type().equals("histogram")), table.summary());
        // The demo records two histogram families: task durations and, through the events, step durations.
        assertEquals(
                List.of("tasker_step_duration_seconds", "tasker_task_duration_seconds"),
                table.names(),
                table.summary());
    }

    @Test
    void themeToggleSwitchesBetweenLightAndDarkAndIsRemembered() {
        browser.open(Ui.DASHBOARD);
        WebElement html = browser.driver().findElement(By.tagName("html"));
        assertEquals("", attribute(html, "data-theme"), "the system's theme until the user picks one");

        browser.byId(Ui.ID_THEME_TOGGLE).click();
        assertEquals("dark", attribute(html, "data-theme"));

        browser.open(Ui.DASHBOARD);
        html = browser.driver().findElement(By.tagName("html"));
        assertEquals("dark", attribute(html, "data-theme"), "the choice survives a reload");

        browser.byId(Ui.ID_THEME_TOGGLE).click();
        assertEquals("light", attribute(html, "data-theme"));
    }

    /** Submits the filter form: a plain GET, so that the filter stands in the URL. */
    private static void apply(String expectedQuery) {
        browser.driver()
                .findElement(By.cssSelector("#" + Ui.ID_FILTER_FORM + " button[type=submit]"))
                .click();
        browser.waitUntilLoaded(expectedQuery);
    }

    private static TaskerRuntime runtime() {
        return browser.console().console().runtime();
    }

    private static String attribute(WebElement e, String name) {
        String v = e.getDomAttribute(name);
        return v == null ? "" : v;
    }
}
