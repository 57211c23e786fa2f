package io.tasker.metrics.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.tasker.metrics.export.ExportDestination.Delivery;
import io.tasker.metrics.formats.JsonWriter;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Each factory makes the record of one outcome from what every outcome shares. */
class ExportRecordTest {
    private static final Instant AT = Instant.parse("2026-02-01T00:00:00Z");
    private static final ExportRecord.Start START = new ExportRecord.Start(
            AT, ExportFormat.JSON, "/srv/exports", ExportTrigger.CLI, "cron-1", 7, ExportTiming.Reason.OPTIMAL_TIMING);

    @Test
    void aStartComesFromTheDestinationOnDemandAndWithoutTheLock() {
        StreamDestination stdout = new StreamDestination(new JsonWriter(), new ByteArrayOutputStream(), "stdout");
        ExportRecord.Start start = ExportRecord.Start.of(AT, stdout, ExportTrigger.CONSOLE, "web-1");
        assertEquals(
                new ExportRecord.Start(
                        AT,
                        ExportFormat.JSON,
                        "stdout",
                        ExportTrigger.CONSOLE,
                        "web-1",
                        0,
                        ExportTiming.Reason.ON_DEMAND),
                start);
        ExportRecord.Start fenced = start.fenced(9, ExportTiming.Reason.TTL_EXTENSION);
        assertEquals(9, fenced.fencingNumber());
        assertEquals(ExportTiming.Reason.TTL_EXTENSION, fenced.timing());
        assertEquals(start.destination(), fenced.destination(), "the rest stays");
    }

    @Test
    void eachOutcomeKeepsWhatTheStartSaid() {
        ExportRecord ok = ExportRecord.succeeded(START, 31, 3891, 12, 2);
        assertEquals(
                new ExportRecord(
                        AT,
                        ExportFormat.JSON,
                        "/srv/exports",
                        ExportTrigger.CLI,
                        ExportRecord.Outcome.SUCCESS,
                        31,
                        3891,
                        12,
                        2,
                        null,
                        "cron-1",
                        7,
                        ExportTiming.Reason.OPTIMAL_TIMING),
                ok);
        ExportRecord failed = ExportRecord.failed(START, "IOException: disk full", 40, 4);
        assertEquals(ExportRecord.Outcome.FAILED, failed.outcome());
        assertEquals("IOException: disk full", failed.error());
        assertEquals(0, failed.series() + failed.bytes(), "nothing was delivered");
        assertEquals(4, failed.attempts());
        ExportRecord skipped = ExportRecord.skipped(START, "skipped: another instance is exporting", 3);
        assertEquals(ExportRecord.Outcome.SKIPPED, skipped.outcome());
        assertEquals(0, skipped.attempts(), "nothing was attempted");
        ExportRecord held = ExportRecord.heldBack(START, "held back: the store lost its data", 5, 1);
        assertEquals(ExportRecord.Outcome.HELD_BACK, held.outcome());
        assertEquals("held back: the store lost its data", held.error());
        for (ExportRecord r : new ExportRecord[] {failed, skipped, held}) {
            assertEquals(START.instance(), r.instance());
            assertEquals(START.fencingNumber(), r.fencingNumber());
            assertEquals(START.timing(), r.timing());
        }
    }

    @Test
    void aDeliveryIsASuccessOrASkipAndNamesTheFileItWrote() {
        ExportRecord written =
                ExportRecord.delivered(START, new Delivery(3, 120, 1, null, "/srv/exports/a.json"), 8, 1);
        assertEquals(ExportRecord.Outcome.SUCCESS, written.outcome());
        assertEquals("/srv/exports/a.json", written.destination());
        assertNull(written.error());
        ExportRecord unreachable =
                ExportRecord.delivered(START, new Delivery(0, 0, 3, "skipped, endpoint unreachable", null), 8, 3);
        assertEquals(ExportRecord.Outcome.SKIPPED, unreachable.outcome());
        assertEquals("/srv/exports", unreachable.destination());
        assertEquals("skipped, endpoint unreachable", unreachable.error());
    }

    @Test
    void aNoteIsAddedAfterAnyErrorAndSecretsStayMasked() {
        ExportRecord ok = ExportRecord.succeeded(START, 1, 1, 1, 1).withNote("the export lock was lost");
        assertEquals("the export lock was lost", ok.error());
        assertEquals(ExportRecord.Outcome.SUCCESS, ok.outcome(), "a note is a warning, not a failure");
        ExportRecord twice = ok.withNote("forced while being written again");
        assertEquals("the export lock was lost; forced while being written again", twice.error());
        ExportRecord masked = ExportRecord.failed(START, "HTTP 401 from http://vm/write?token=abc", 1, 1);
        assertEquals("HTTP 401 from http://vm/write?token=***", masked.error());
    }
}
