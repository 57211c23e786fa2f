package io.tasker.metrics.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tasker.metrics.console.db.ExportHistoryRepository;
import io.tasker.metrics.console.export.ExportsPage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pagination links carry the filter encoded, so that a crafted value cannot add parameters. */
class ExportsPageTest {
    @Test
    void filterValuesAreEncodedInPageLinks() {
        ExportsPage page = new ExportsPage(
                null, new ExportHistoryRepository.Page(List.of(), 60, 25, 25), "failed", "json&page=9\"<b>");
        assertEquals("outcome=failed&format=json%26page%3D9%22%3Cb%3E&page=2", page.query(2));
        assertEquals(
                "outcome=&format=&page=1",
                new ExportsPage(null, new ExportHistoryRepository.Page(List.of(), 0, 0, 25), null, null).query(1));
    }
}
