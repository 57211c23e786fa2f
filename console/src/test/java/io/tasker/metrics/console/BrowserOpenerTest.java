package io.tasker.metrics.console;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.testing.TempDirs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code bin/console --open}: a real program on the PATH is started with the URL; no desktop is said so. */
class BrowserOpenerTest {
    private static final String URL = "http://127.0.0.1:7070/";

    @Test
    void withADesktopXdgOpenGetsTheUrl() throws Exception {
        Path bin = Files.createTempDirectory("tasker-open-");
        Path seen = bin.resolve("seen");
        Path script = bin.resolve("xdg-open");
        Files.writeString(script, "#!/bin/sh\necho \"$1\" > '" + seen + "'\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        try {
            String said = BrowserOpener.open(URL, Map.of("DISPLAY", ":0", "PATH", bin + ":/bin:/usr/bin"));
            assertEquals("console: opened " + URL + " with " + script, said);
            // xdg-open runs on: wait until its line is written whole.
            await().alias("xdg-open writes the URL")
                    .atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> Files.exists(seen) && Files.readString(seen).endsWith("\n"));
            assertEquals(URL, Files.readString(seen).trim());
        } finally {
            TempDirs.delete(bin);
        }
    }

    @Test
    void withoutADesktopItSaysSoAndNamesTheAddress() throws IOException {
        String said = BrowserOpener.open(URL, Map.of("PATH", "/usr/bin:/bin"));
        assertTrue(
                said.startsWith("console: no desktop browser here") && said.endsWith("open " + URL + " yourself"),
                said);
        assertTrue(
                BrowserOpener.command("Mac OS X", Map.of("PATH", "/nonexistent"), URL)
                        .isEmpty(),
                "macOS without open on the PATH");
    }
}
