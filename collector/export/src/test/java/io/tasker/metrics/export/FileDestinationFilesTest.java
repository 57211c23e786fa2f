package io.tasker.metrics.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.ManualClock;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.formats.JsonWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an export leaves on disk: files with the umask's mode, no temporary file of a killed export. */
class FileDestinationFilesTest {
    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(Instant.now());

    @Test
    void anExportFileHasTheModeTheUmaskGives() throws IOException {
        Path reference = Files.createFile(dir.resolve("reference"));
        Path exported = Path.of(deliver(dir).location());
        assertEquals(Files.getPosixFilePermissions(reference), Files.getPosixFilePermissions(exported));
    }

    @Test
    void temporaryFilesOfKilledExportsAreRemovedFreshOnesKept() throws IOException {
        Path old = Files.writeString(dir.resolve(".export-killed.tmp"), "half");
        Files.setLastModifiedTime(old, FileTime.from(clock.instant().minus(Duration.ofHours(2))));
        Path running = Files.writeString(dir.resolve(".export-running.tmp"), "half");
        Path unrelated = Files.writeString(dir.resolve("notes.tmp"), "mine");
        Files.setLastModifiedTime(unrelated, FileTime.from(clock.instant().minus(Duration.ofDays(2))));
        deliver(dir);
        assertFalse(Files.exists(old));
        assertTrue(Files.exists(running), "may belong to an export running now");
        assertTrue(Files.exists(unrelated), "not ours");
    }

    @Test
    void aFileWhereTheDirectoryShouldBeIsAClearError() throws IOException {
        Path file = Files.writeString(dir.resolve("exports"), "not a directory");
        IOException e = assertThrows(IOException.class, () -> deliver(file));
        assertTrue(
                e.getMessage().contains(file + " is a file, not a directory")
                        && e.getMessage().contains("telemetry.export_directory"),
                e.getMessage());
    }

    private ExportDestination.Delivery deliver(Path directory) throws IOException {
        MetricRegistry registry = new MetricRegistry();
        registry.counter("jobs_total").labels().inc();
        return new FileDestination(new JsonWriter(), directory, null, clock).deliver(registry.snapshot());
    }
}
