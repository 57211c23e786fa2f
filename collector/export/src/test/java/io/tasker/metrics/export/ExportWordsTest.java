package io.tasker.metrics.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.tasker.metrics.Clock;
import io.tasker.metrics.store.KeyLayout;
import io.tasker.metrics.store.MemoryStore;
import io.tasker.metrics.store.Record;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The words of format, trigger and timing stay those of the history, the console's database and
 * the CLI: an older record reads, and a word this version does not know reads as {@code unknown}.
 */
class ExportWordsTest {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    @Test
    void everyFormatKeepsItsWordBothWays() throws Exception {
        List<String> words = List.of("prometheus", "openmetrics", "json", "csv", "remote_write", "otlp", "unknown");
        for (int i = 0; i < words.size(); i++) {
            ExportFormat f = ExportFormat.values()[i];
            assertEquals(words.get(i), f.word());
            assertEquals(f, ExportFormat.of(words.get(i)));
            assertEquals('"' + words.get(i) + '"', JSON.writeValueAsString(f));
            assertEquals(f, JSON.readValue('"' + words.get(i) + '"', ExportFormat.class));
            assertEquals(words.get(i), f.toString(), "text built from a record reads as before");
        }
    }

    @Test
    void everyTriggerAndTimingKeepsItsWordBothWays() throws Exception {
        for (String word : List.of("scheduler", "console", "cli")) {
            ExportTrigger t = ExportTrigger.of(word);
            assertEquals(word, t.word());
            assertEquals('"' + word + '"', JSON.writeValueAsString(t));
            assertEquals(t, JSON.readValue('"' + word + '"', ExportTrigger.class));
        }
        for (String words : List.of("optimal timing", "TTL extension", "on demand")) {
            ExportTiming.Reason r = ExportTiming.Reason.stored(words);
            assertEquals(words, r.words());
            assertEquals('"' + words + '"', JSON.writeValueAsString(r));
            assertEquals(r, JSON.readValue('"' + words + '"', ExportTiming.Reason.class));
        }
    }

    @Test
    void aWordTypedByAUserThatIsNoFormatIsRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ExportFormat.of("xml"));
        assertTrue(e.getMessage().contains("'xml'"), e.getMessage());
        assertTrue(e.getMessage().contains("remote_write"), "it lists the known ones: " + e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ExportTrigger.of("race"));
    }

    @Test
    void aStoredWordThisVersionDoesNotKnowReadsAsUnknown() {
        assertEquals(ExportFormat.UNKNOWN, ExportFormat.stored("parquet"));
        assertEquals(ExportTrigger.UNKNOWN, ExportTrigger.stored("race"));
        assertEquals(ExportTiming.Reason.UNKNOWN, ExportTiming.Reason.stored("by moonlight"));
        assertNull(ExportTiming.Reason.stored(null), "a record older than the timing has none");
    }

    /** As an older version wrote it, and as a newer one might: both read, and the history stays whole. */
    @Test
    void theSharedHistoryReadsOlderRecordsAndUnknownWords() {
        MemoryStore store = new MemoryStore(Clock.SYSTEM);
        KeyLayout keys = new KeyLayout("words");
        String list =
                "[{\"at\":\"2026-01-01T00:00:00Z\",\"format\":\"remote_write\",\"destination\":\"http://vm/write\","
                        + "\"trigger\":\"scheduler\",\"outcome\":\"SUCCESS\",\"series\":3,\"bytes\":10,\"durationMillis\":5,"
                        + "\"attempts\":1,\"instance\":\"web-1\",\"fencingNumber\":2},"
                        + "{\"at\":\"2026-01-01T00:01:00Z\",\"format\":\"parquet\",\"destination\":\"/x\",\"trigger\":\"race\","
                        + "\"outcome\":\"FAILED\",\"attempts\":1,\"error\":\"boom\",\"instance\":\"web-2\",\"timing\":\"later\"}]";
        store.add(keys.exports(), new Record(0, list.getBytes(StandardCharsets.UTF_8)), Duration.ofMinutes(5));

        List<ExportRecord> read = new ExportHistory(store, keys).list();

        assertEquals(2, read.size(), read.toString());
        ExportRecord older = read.get(0);
        assertEquals(ExportFormat.REMOTE_WRITE, older.format());
        assertEquals(ExportTrigger.SCHEDULER, older.trigger());
        assertNull(older.timing(), "written before the timing was recorded");
        ExportRecord newer = read.get(1);
        assertEquals(ExportFormat.UNKNOWN, newer.format());
        assertEquals(ExportTrigger.UNKNOWN, newer.trigger());
        assertEquals(ExportTiming.Reason.UNKNOWN, newer.timing());
        assertEquals("boom", newer.error(), "the rest of the record is kept");
        assertEquals(Instant.parse("2026-01-01T00:01:00Z"), newer.at());
    }
}
