package io.tasker.metrics.console;

import static io.tasker.metrics.console.Texts.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tasker.metrics.console.ConsoleFixture.Response;
import io.tasker.metrics.console.web.Ui;
import io.tasker.metrics.export.ExportFormat;
import io.tasker.metrics.export.ExportHistory;
import io.tasker.metrics.export.ExportRecord;
import io.tasker.metrics.export.ExportTiming;
import io.tasker.metrics.export.ExportTrigger;
import io.tasker.metrics.runtime.TaskerRuntime;
import io.tasker.metrics.store.Record;
import io.tasker.metrics.testing.Promtool;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Downloads, "Export now" from scripts, and the history as JSON and as a page. */
class ExportTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ATTACHMENT =
            Pattern.compile("attachment; filename=\"tasker-metrics-\\d{8}T\\d{6}Z\\.([a-z]+)\"");
    private ConsoleFixture console;

    @BeforeEach
    void start() {
        console = ConsoleFixture.start();
        console.console()
                .runtime()
                .registry()
                .counter("jobs_total", "status")
                .labels("failure, \"retried\"")
                .inc(2);
        console.sync();
    }

    @AfterEach
    void stop() {
        console.close();
    }

    @Test
    void downloadsJson() throws Exception {
        Response r = download("json");
        assertEquals("application/json;charset=utf-8", r.contentType().replace(" ", ""));
        JsonNode jobs = JSON.readTree(r.body()).path("metrics").path("counters").path("tasker_jobs_total");
        assertEquals(
                "failure, \"retried\"",
                jobs.get(0).path("labels").path("status").asText());
        assertEquals(2.0, jobs.get(0).path("value").asDouble());
    }

    @Test
    void downloadsCsv() throws Exception {
        Response r = download("csv");
        assertEquals("text/csv; charset=utf-8", r.contentType());
        List<CSVRecord> rows = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(r.body()))
                .getRecords();
        CSVRecord jobs = rows.stream()
                .filter(row -> row.get("name").equals("tasker_jobs_total"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(r.body()));
        assertEquals("counter", jobs.get("type"));
        assertEquals("failure, \"retried\"", jobs.get("label_status"));
        assertEquals(2.0, Double.parseDouble(jobs.get("value")));
    }

    @Test
    void downloadsPrometheusText() {
        Response r = download("prometheus");
        assertEquals("text/plain; version=0.0.4; charset=utf-8", r.contentType());
        assertTrue(r.body().contains("tasker_jobs_total{status=\"failure, \\\"retried\\\"\"} 2"), r.body());
        Promtool.assertValid(r.body());
    }

    @Test
    void unknownFormatIsABadRequestThatListsTheFormats() {
        Response r = console.get(Ui.API_EXPORT + "?format=xml");
        assertEquals(400, r.status());
        assertTrue(r.body().contains("xml"), r.body());
        assertTrue(r.body().contains("prometheus, openmetrics, json, csv"), r.body());
        assertEquals(
                400,
                console.post(Ui.API_EXPORT + "?format=yaml", console.bearer()).status());
    }

    @Test
    void exportNowWritesAFileAndRecordsIt() throws Exception {
        Response r = console.post(Ui.API_EXPORT + "?format=json", console.bearer());
        assertEquals(200, r.status(), r.body());
        assertTrue(r.contentType().startsWith("application/json"));
        JsonNode record = JSON.readTree(r.body());
        assertEquals("SUCCESS", record.path("outcome").asText());
        assertEquals("json", record.path("format").asText());
        assertEquals("console", record.path("trigger").asText());
        try (var files = Files.list(console.exportDir())) {
            List<Path> written = files.filter(
                            p -> p.getFileName().toString().matches("tasker-metrics-\\d{8}T\\d{6}Z\\.json"))
                    .toList();
            assertEquals(1, written.size());
            assertTrue(JSON.readTree(written.get(0).toFile()).path("metrics").has("counters"));
        }

        JsonNode history = exports("");
        assertEquals(1, history.path("total").asInt(), history.toString());
        assertEquals(
                record.path("at").asText(),
                history.path("exports").get(0).path("at").asText());
    }

    @Test
    void historyIsEmptyAtFirst() throws Exception {
        JsonNode history = exports("");
        assertEquals(0, history.path("total").asInt());
        assertFalse(history.path("exports").elements().hasNext());
    }

    @Test
    void historyShowsExportsRecordedInTheSharedStoreBySomeoneElse() throws Exception {
        assertEquals(
                200,
                console.post(Ui.API_EXPORT + "?format=csv", console.bearer()).status());
        sharedHistory()
                .append(record(Instant.parse("2026-02-01T03:00:00Z"), ExportRecord.Outcome.SUCCESS, "cron-job-7"));
        console.importHistory();

        JsonNode history = exports("");
        assertEquals(2, history.path("total").asInt(), history.toString());
        List<String> instances = history.path("exports").findValuesAsText("instance");
        assertTrue(instances.contains("cron-job-7"), instances.toString());
        assertTrue(history.path("exports").findValuesAsText("trigger").contains("console"));
        assertEquals(1, exports("?format=csv").path("total").asInt(), "filtered by format");
        assertEquals(0, exports("?format=json").path("total").asInt());
    }

    /**
     * A record written by some other tool (or a newer version), with words this version does not
     * know and fields longer than the columns, still comes in: the words read as {@code unknown},
     * the texts are cut, and the history stays readable.
     */
    @Test
    void anOverLongRecordInTheSharedStoreIsCutNotFatal() throws Exception {
        String longText = "x".repeat(5000);
        ObjectNode odd = JSON.createObjectNode()
                .put("at", "2026-02-01T03:00:00Z")
                .put("format", longText)
                .put("destination", longText)
                .put("trigger", longText)
                .put("outcome", "FAILED")
                .put("durationMillis", 1)
                .put("attempts", 1)
                .put("error", longText)
                .put("instance", longText)
                .put("fencingNumber", 1)
                .put("timing", longText);
        TaskerRuntime runtime = console.console().runtime();
        byte[] list = JSON.writeValueAsBytes(JSON.createArrayNode().add(odd));
        runtime.store().add(runtime.cluster().options().keys().exports(), new Record(0, list), Duration.ofDays(1));
        console.importHistory();
        JsonNode history = exports("");
        assertEquals(1, history.path("total").asInt(), history.toString());
        JsonNode row = history.path("exports").get(0);
        assertEquals("unknown", row.path("format").asText(), row.toString());
        assertEquals("unknown", row.path("trigger").asText(), row.toString());
        assertEquals("unknown", row.path("timing").asText(), row.toString());
        assertEquals(1024, row.path("destination").asText().length());
        assertEquals(200, console.get(Ui.EXPORTS_PAGE).status());
    }

    @Test
    void historyPageFiltersByOutcomeAndPages() {
        ExportHistory shared = sharedHistory();
        Instant base = Instant.parse("2026-02-01T00:00:00Z");
        for (int i = 0; i < 30; i++) {
            shared.append(record(base.plusSeconds(60L * i), ExportRecord.Outcome.FAILED, "cron-" + i));
        }
        for (int i = 0; i < 5; i++) {
            shared.append(record(base.plusSeconds(30 + 60L * i), ExportRecord.Outcome.SUCCESS, "ok-" + i));
        }
        console.importHistory();

        Response first = console.get(Ui.EXPORTS_PAGE + "?outcome=failed");
        assertEquals(200, first.status());
        assertTrue(first.body().contains("30 exports"), first.body());
        assertTrue(first.body().contains("page 1 of 2"));
        assertEquals(25, count(first.body(), "class=\"export-row failed\""));
        assertEquals(0, count(first.body(), "export-row success"));
        assertTrue(first.body().contains("cron-29"), "newest first");
        assertTrue(first.body().contains("href=\"?outcome=failed&amp;format=&amp;page=2\" rel=\"next\""), first.body());

        Response second = console.get(Ui.EXPORTS_PAGE + "?outcome=failed&page=2");
        assertTrue(second.body().contains("page 2 of 2"));
        assertEquals(5, count(second.body(), "class=\"export-row failed\""));
        assertTrue(second.body().contains("cron-0 "), "oldest last");
        assertTrue(second.body().contains("rel=\"prev\""));

        Response all = console.get(Ui.EXPORTS_PAGE);
        assertTrue(all.body().contains("35 exports"), all.body());
        assertEquals(5, count(console.get(Ui.EXPORTS_PAGE + "?outcome=success").body(), "export-row success"));
    }

    @Test
    void historyPagePastTheEndShowsTheLastPage() {
        ExportHistory shared = sharedHistory();
        Instant base = Instant.parse("2026-02-01T00:00:00Z");
        for (int i = 0; i < 27; i++) {
            shared.append(record(base.plusSeconds(60L * i), ExportRecord.Outcome.SUCCESS, "web-" + i));
        }
        console.importHistory();
        for (String page : new String[] {"99", "100000000", "2"}) {
            Response r = console.get(Ui.EXPORTS_PAGE + "?page=" + page);
            assertEquals(200, r.status(), page);
            assertTrue(r.body().contains("page 2 of 2"), page + ": " + r.body());
            assertEquals(2, count(r.body(), "class=\"export-row success\""), page);
            assertFalse(r.body().contains("rel=\"next\""), page);
        }
    }

    private Response download(String format) {
        Response r = console.get(Ui.API_EXPORT + "?format=" + format);
        assertEquals(200, r.status(), r.body());
        Matcher m = ATTACHMENT.matcher(r.header("Content-Disposition"));
        assertTrue(m.matches(), r.header("Content-Disposition"));
        assertEquals(format.equals("prometheus") ? "prom" : format, m.group(1));
        return r;
    }

    private JsonNode exports(String query) throws Exception {
        Response r = console.get(Ui.API_EXPORTS + query);
        assertEquals(200, r.status(), r.body());
        return JSON.readTree(r.body());
    }

    /** The shared store's export record, as another instance or a CronJob writes it. */
    private ExportHistory sharedHistory() {
        TaskerRuntime runtime = console.console().runtime();
        return new ExportHistory(runtime.store(), runtime.cluster().options().keys());
    }

    /** A success, or a failure after four attempts, by a CronJob's coordinated export. */
    static ExportRecord record(Instant at, ExportRecord.Outcome outcome, String instance) {
        ExportRecord.Start start = new ExportRecord.Start(
                at,
                ExportFormat.PROMETHEUS,
                "/var/lib/exports",
                ExportTrigger.CLI,
                instance,
                3,
                ExportTiming.Reason.OPTIMAL_TIMING);
        return outcome == ExportRecord.Outcome.SUCCESS
                ? ExportRecord.succeeded(start, 12, 900, 40, 1)
                : ExportRecord.failed(start, "connection refused", 40, 4);
    }
}
