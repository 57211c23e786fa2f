package io.tasker.metrics.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.console.ConsoleFixture.Response;
import io.tasker.metrics.console.web.Ui;
import org.junit.jupiter.api.Test;

/** A CSV download is safe to open in a spreadsheet, and raw on request. */
class CsvDownloadTest {

    @Test
    void formulaCellsAreNeutralisedUnlessRawIsAsked() {
        try (ConsoleFixture console = ConsoleFixture.start()) {
            console.console()
                    .runtime()
                    .registry()
                    .counter("cells_total", "v")
                    .labels("=cmd|' /C calc'!A0")
                    .inc();
            console.sync();
            Response safe = console.get(Ui.API_EXPORT + "?format=csv");
            assertEquals(200, safe.status());
            assertTrue(safe.body().contains(",'=cmd|' /C calc'!A0,"), safe.body());
            Response raw = console.get(Ui.API_EXPORT + "?format=csv&raw=true");
            assertTrue(raw.body().contains(",=cmd|' /C calc'!A0,"), raw.body());
            assertFalse(raw.body().contains("'=cmd"), raw.body());
            assertEquals(
                    400, console.get(Ui.API_EXPORT + "?format=csv&raw=maybe").status());
        }
    }
}
