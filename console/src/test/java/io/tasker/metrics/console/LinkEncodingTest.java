package io.tasker.metrics.console;

import static io.tasker.metrics.console.Texts.attribute;
import static io.tasker.metrics.console.Texts.count;
import static io.tasker.metrics.console.Texts.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.Counter;
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

/**
 * A filter value full of URL syntax ({@code &}, {@code +}, {@code #}, quotes, {@code <script>})
 * survives the links the pages build from it: the paging links, the metric table's polling URL
 * and the export history's paging. Decoys match what a value cut at the first {@code &} would
 * select, so that a link that lost part of the filter shows other counts.
 */
class LinkEncodingTest {
    private static final String HOSTILE = "a&b+c#<script>";
    private static final String LABEL_FILTER = "status=\"" + HOSTILE + "\"";
    private static final String FORMAT = "openmetrics";
    private static final String HOSTILE_FORMAT = "csv&page=1#<b>";
    private static ConsoleFixture console;

    @BeforeAll
    static void start() {
        console = ConsoleFixture.start();
        TaskerRuntime runtime = console.console().runtime();
        Counter jobs = runtime.registry().counter("hostile_total", "queue", "status");
        for (int i = 0; i < 60; i++) {
            jobs.labels(String.format("q%02d", i), HOSTILE).inc();
            jobs.labels(String.format("q%02d", i), "a").inc(); // what label=status="a would find
        }
        console.sync();
        ExportHistory shared =
                new ExportHistory(runtime.store(), runtime.cluster().options().keys());
        for (int i = 0; i < 33; i++) {
            // 30 of the filtered format, 3 decoys that a lost filter would show.
            shared.append(ExportRecord.failed(
                    new ExportRecord.Start(
                            Instant.parse("2026-02-01T00:00:00Z").plusSeconds(i),
                            i < 30 ? ExportFormat.of(FORMAT) : ExportFormat.CSV,
                            "/tmp/x" + i,
                            ExportTrigger.CLI,
                            "cron-1",
                            0,
                            ExportTiming.Reason.ON_DEMAND),
                    "boom",
                    1,
                    1));
        }
        console.importHistory();
    }

    @AfterAll
    static void stop() {
        console.close();
    }

    @Test
    void labelFilterSurvivesTheMetricTablesPagingAndPolling() {
        String first = console.get(Ui.DASHBOARD + "?label=" + enc(LABEL_FILTER)).body();
        assertTrue(first.contains("60 of "), first);
        assertTrue(first.contains("page 1 of 2"), first);

        String poll = attribute(first, id(Ui.ID_METRICS_TABLE), "hx-get");
        String polled = console.get(poll).body();
        assertTrue(polled.contains("60 of ") && polled.contains("page 1 of 2"), poll + ": " + polled);

        // Relative to the dashboard, where the browser shows the table.
        String next = Ui.DASHBOARD + attribute(first, "rel=\"next\"", "href");
        Response second = console.get(next);
        assertEquals(200, second.status(), next);
        assertTrue(
                second.body().contains("60 of ") && second.body().contains("page 2 of 2"), next + ": " + second.body());
        assertEquals(10, count(second.body(), "class=\"metric-row"), next);
        assertEquals(
                poll.replace("page=1", "page=2"),
                attribute(second.body(), id(Ui.ID_METRICS_TABLE), "hx-get"),
                "page 2 polls for the same filter");
        assertEquals(
                LABEL_FILTER,
                attribute(second.body(), id(Ui.ID_FILTER_LABEL), "value"),
                "the label input keeps the whole filter");
    }

    @Test
    void formatFilterSurvivesTheExportHistorysPaging() {
        String first = console.get(Ui.EXPORTS_PAGE + "?outcome=failed&format=" + enc(FORMAT))
                .body();
        assertTrue(first.contains("30 exports") && first.contains("page 1 of 2"), first);

        String next = Ui.EXPORTS_PAGE + attribute(first, "rel=\"next\"", "href");
        String second = console.get(next).body();
        assertTrue(second.contains("30 exports") && second.contains("page 2 of 2"), next + ": " + second);
        assertEquals(5, count(second, "class=\"export-row"), next);
        assertEquals(0, count(second, "<td>csv</td>"), "no decoy on " + next);

        String back = Ui.EXPORTS_PAGE + attribute(second, "rel=\"prev\"", "href");
        assertEquals(25, count(console.get(back).body(), "class=\"export-row"), back);
    }

    @Test
    void aFormatFullOfUrlSyntaxIsRefusedNotReflected() {
        Response r = console.get(Ui.EXPORTS_PAGE + "?format=" + enc(HOSTILE_FORMAT));
        assertEquals(400, r.status(), r.body());
        assertTrue(r.contentType().startsWith("text/plain"), r.contentType());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
