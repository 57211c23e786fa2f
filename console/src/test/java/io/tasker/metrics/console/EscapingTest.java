package io.tasker.metrics.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.console.ConsoleFixture.Response;
import io.tasker.metrics.console.web.Ui;
import io.tasker.metrics.export.ExportFormat;
import io.tasker.metrics.export.ExportHistory;
import io.tasker.metrics.export.ExportRecord;
import io.tasker.metrics.export.ExportTiming;
import io.tasker.metrics.export.ExportTrigger;
import io.tasker.metrics.runtime.TaskerRuntime;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What others write (label values, export errors, query strings) shows as text, never as markup. */
class EscapingTest {
    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;";
    private static final String IMAGE = "<img src=x onerror=alert(2)>";
    private static ConsoleFixture console;

    @BeforeAll
    static void start() {
        console = ConsoleFixture.start();
        TaskerRuntime runtime = console.console().runtime();
        runtime.registry().counter("xss_total", "payload").labels(SCRIPT).inc();
        console.sync();
        new ExportHistory(runtime.store(), runtime.cluster().options().keys())
                .append(ExportRecord.failed(
                        new ExportRecord.Start(
                                Instant.parse("2026-02-01T00:00:00Z"),
                                ExportFormat.JSON,
                                "/tmp/" + IMAGE,
                                ExportTrigger.CLI,
                                "cron-" + IMAGE,
                                0,
                                ExportTiming.Reason.ON_DEMAND),
                        "failed: " + SCRIPT,
                        5,
                        1));
        console.importHistory();
    }

    @AfterAll
    static void stop() {
        console.close();
    }

    @Test
    void labelValueIsEscapedOnTheDashboard() {
        assertEscaped(console.get(Ui.DASHBOARD));
    }

    @Test
    void labelValueIsEscapedInTheFragment() {
        assertEscaped(console.get(Ui.METRICS_FRAGMENT + "?name=xss"));
    }

    @Test
    void exportRecordFromTheSharedStoreIsEscapedInTheHistory() {
        for (String page : new String[] {Ui.EXPORTS_PAGE, Ui.DASHBOARD}) {
            Response r = console.get(page);
            assertEquals(200, r.status());
            assertTrue(r.body().contains("failed: " + ESCAPED), page + ": " + r.body());
            assertTrue(r.body().contains("cron-&lt;img src=x onerror=alert(2)&gt;"), page);
            assertFalse(r.body().contains(IMAGE), page);
            assertFalse(r.body().contains(SCRIPT), page);
        }
    }

    @Test
    void filterValuesFromTheQueryAreEscaped() {
        String query = "?name=" + enc("\"><script>alert(3)</script>") + "&label=" + enc(IMAGE);
        for (String path : new String[] {Ui.DASHBOARD + query, Ui.METRICS_FRAGMENT + query}) {
            Response r = console.get(path);
            assertEquals(200, r.status());
            assertFalse(r.body().contains("<script>alert(3)"), path + ": " + r.body());
            assertFalse(r.body().contains(IMAGE), path);
        }
        String page = console.get(Ui.DASHBOARD + query).body();
        assertTrue(
                page.contains("value=\"&#34;>&lt;script>alert(3)&lt;/script>\""),
                "the name filter keeps the text in its input, unable to leave the attribute: " + page);
    }

    private static void assertEscaped(Response r) {
        assertEquals(200, r.status());
        assertTrue(r.body().contains(ESCAPED), r.body());
        assertFalse(r.body().contains(SCRIPT), r.body());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
