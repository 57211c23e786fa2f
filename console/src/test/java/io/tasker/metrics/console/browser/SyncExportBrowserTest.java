package io.tasker.metrics.console.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tasker.metrics.console.web.Ui;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** "Sync now", "Export now", the export history and the downloads, as an operator uses them. */
class SyncExportBrowserTest {
    @RegisterExtension
    static final BrowserConsole browser = new BrowserConsole();

    @Test
    void syncNowUpdatesTheSyncPanelWithoutReload() {
        browser.open(Ui.DASHBOARD);
        browser.markDocument();
        WebElement panel = browser.byId(Ui.ID_SYNC_PANEL);

        browser.byId(Ui.ID_SYNC_NOW).click();
        browser.waitUntil(ExpectedConditions.stalenessOf(panel));
        WebElement message = browser.waitUntil(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#" + Ui.ID_SYNC_PANEL + " .message")));

        assertTrue(message.getText().matches("Synced \\d+ series in \\d+ ms\\."), message.getText());
        assertTrue(
                browser.byId(Ui.ID_SYNC_LAST).getText().contains("ok"),
                browser.byId(Ui.ID_SYNC_LAST).getText());
        assertTrue(browser.sameDocument(), "the page was reloaded");
    }

    @Test
    void exportNowUpdatesTheExportPanelAndHistoryWithoutReload() throws Exception {
        browser.open(Ui.DASHBOARD);
        assertEquals("never", browser.byId(Ui.ID_EXPORT_LAST).getText());
        assertEquals(0, successRows().size());
        browser.markDocument();

        new Select(browser.byId(Ui.ID_EXPORT_FORMAT)).selectByValue("json");
        browser.byId(Ui.ID_EXPORT_NOW).click();
        browser.waitUntil(d -> successRows().size() == 1);

        String last = browser.byId(Ui.ID_EXPORT_LAST).getText();
        assertTrue(last.contains("success") && last.contains("json"), last);
        List<WebElement> cells = successRows().get(0).findElements(By.tagName("td"));
        assertEquals("json", cells.get(2).getText());
        assertTrue(cells.get(3).getText().endsWith(".json"), cells.get(3).getText());
        assertTrue(browser.sameDocument(), "the page was reloaded");
        try (Stream<Path> files = Files.list(browser.console().exportDir())) {
            assertEquals(1, files.filter(f -> f.toString().endsWith(".json")).count(), "the export file");
        }

        browser.open(Ui.EXPORTS_PAGE);
        assertEquals(1, successRows().size(), "the history page lists the export");
    }

    @Test
    void csvDownloadHasTheDocumentedColumns() {
        browser.open(Ui.DASHBOARD);
        String csv = browser.fetchText(browser.byId(Ui.ID_DOWNLOAD_CSV).getDomProperty("href"));

        List<String> lines = csv.lines().toList();
        List<String> header = List.of(lines.get(0).split(","));
        assertEquals(List.of("timestamp", "name", "type", "labels"), header.subList(0, 4), lines.get(0));
        assertEquals(List.of("value", "le"), header.subList(header.size() - 2, header.size()), lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.contains(",tasker_task_executions_total,counter,")), csv);
    }

    @Test
    void jsonDownloadHasTheDesignDocumentsLayout() throws Exception {
        browser.open(Ui.DASHBOARD);
        String json = browser.fetchText(browser.byId(Ui.ID_DOWNLOAD_JSON).getDomProperty("href"));

        JsonNode root = new ObjectMapper().readTree(json);
        JsonNode executions = root.path("metrics").path("counters").path("tasker_task_executions_total");
        assertTrue(executions.isArray() && executions.size() > 0, json);
        assertTrue(executions.get(0).path("value").isNumber(), executions.toString());
        assertTrue(root.path("metrics").path("gauges").has("tasker_queue_depth"), json);
        assertTrue(root.path("metrics").path("histograms").has("tasker_task_duration_seconds"), json);
    }

    private static List<WebElement> successRows() {
        return browser.driver().findElements(By.cssSelector("#" + Ui.ID_HISTORY + " tr.export-row.success"));
    }
}
