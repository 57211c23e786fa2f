package io.tasker.metrics.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.format.WriterFixtures;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class CsvWriterTest {
    @Test
    void writesTheWorkflowGoldenText() {
        assertEquals("""
                timestamp,name,type,labels,label_queue,label_status,label_task_name,value,le\r
                2026-01-01T12:00:00Z,tasker_queue_depth,gauge,"{""queue"":""default""}",default,,,42,\r
                2026-01-01T12:00:00Z,tasker_task_duration_seconds_bucket,histogram,"{""task_name"":""payment_processing""}",,,payment_processing,1,0.1\r
                2026-01-01T12:00:00Z,tasker_task_duration_seconds_bucket,histogram,"{""task_name"":""payment_processing""}",,,payment_processing,2,0.5\r
                2026-01-01T12:00:00Z,tasker_task_duration_seconds_bucket,histogram,"{""task_name"":""payment_processing""}",,,payment_processing,3,1.0\r
                2026-01-01T12:00:00Z,tasker_task_duration_seconds_bucket,histogram,"{""task_name"":""payment_processing""}",,,payment_processing,4,+Inf\r
                2026-01-01T12:00:00Z,tasker_task_duration_seconds_sum,histogram,"{""task_name"":""payment_processing""}",,,payment_processing,3.6,\r
                2026-01-01T12:00:00Z,tasker_task_duration_seconds_count,histogram,"{""task_name"":""payment_processing""}",,,payment_processing,4,\r
                2026-01-01T12:00:00Z,tasker_task_executions_total,counter,"{""status"":""success"",""task_name"":""payment_processing""}",,success,payment_processing,1247,\r
                2026-01-01T12:00:00Z,tasker_task_executions_total,counter,"{""status"":""failure"",""task_name"":""payment_processing""}",,failure,payment_processing,23,\r
                """, WriterFixtures.write(new CsvWriter(), WriterFixtures.workflow()));
    }

    @Test
    void hostileLabelValuesSurviveARoundTrip() throws IOException {
        List<CSVRecord> rows = parse(WriterFixtures.write(new CsvWriter(), WriterFixtures.hostile()));
        CSVRecord errors = rows.stream()
                .filter(r -> r.get("name").equals("tasker_errors_total"))
                .findFirst()
                .orElseThrow();
        assertEquals(WriterFixtures.HOSTILE, errors.get("label_message"));
        assertEquals("1", errors.get("value"));
        CSVRecord ratio = rows.stream()
                .filter(r -> r.get("name").equals("tasker_ratio"))
                .findFirst()
                .orElseThrow();
        assertEquals("NaN", ratio.get("value"));
    }

    @Test
    void aLabelNamedLikeAColumnDoesNotClash() throws IOException {
        MetricRegistry registry = WriterFixtures.registry();
        registry.setGauge("rows", 7, "value", "x", "name", "y");
        CSVRecord row = parse(WriterFixtures.write(new CsvWriter(), registry.snapshot()))
                .get(0);
        assertEquals("7", row.get("value"));
        assertEquals("x", row.get("label_value"));
        assertEquals("tasker_rows", row.get("name"));
        assertEquals("y", row.get("label_name"));
    }

    @Test
    void labelCellsASpreadsheetWouldRunAreNeutralised() throws IOException {
        MetricRegistry registry = WriterFixtures.registry();
        var c = registry.counter("cells_total", "v");
        List<String> formulas = List.of("=HYPERLINK(\"http://evil\")", "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx");
        formulas.forEach(v -> c.labels(v).inc());
        c.labels("plain").inc();
        List<CSVRecord> rows = parse(WriterFixtures.write(new CsvWriter(), registry.snapshot()));
        for (String f : formulas) {
            assertTrue(rows.stream().anyMatch(r -> r.get("label_v").equals("'" + f)), f);
        }
        assertTrue(rows.stream().anyMatch(r -> r.get("label_v").equals("plain")));
        assertTrue(rows.stream().allMatch(r -> !r.get("value").startsWith("'")), "numbers stay numbers");

        List<CSVRecord> raw = parse(WriterFixtures.write(CsvWriter.raw(), registry.snapshot()));
        for (String f : formulas) {
            assertTrue(raw.stream().anyMatch(r -> r.get("label_v").equals(f)), "raw keeps " + f);
        }
    }

    @Test
    void formulasBehindBlanksOrInFullWidthAreNeutralisedToo() throws IOException {
        // Spreadsheets skip leading blanks, and some read the full-width and small forms of = + - @ as the signs.
        MetricRegistry registry = WriterFixtures.registry();
        var c = registry.counter("cells_total", "v");
        List<String> formulas = List.of(
                " =1+1",
                "   +cmd",
                "\u00a0=HYPERLINK(\"http://evil\")",
                "\n=x",
                "\uff1dHYPERLINK(\"http://evil\")",
                "\uff0b1",
                "\uff0d1",
                "\uff20SUM(A1)",
                "\ufe66x",
                " \uff1dx");
        formulas.forEach(v -> c.labels(v).inc());
        c.labels(" plain = fine").inc();
        List<CSVRecord> rows = parse(WriterFixtures.write(new CsvWriter(), registry.snapshot()));
        for (String f : formulas) {
            assertTrue(rows.stream().anyMatch(r -> r.get("label_v").equals("'" + f)), f);
        }
        assertTrue(rows.stream().anyMatch(r -> r.get("label_v").equals(" plain = fine")));
    }

    private static List<CSVRecord> parse(String csv) throws IOException {
        return CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(csv))
                .getRecords();
    }
}
