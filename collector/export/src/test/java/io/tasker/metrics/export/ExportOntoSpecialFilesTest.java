package io.tasker.metrics.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.ManualClock;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.format.PrometheusTextWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A named export target that is not a regular file is never replaced by one: a device node or a
 * FIFO is written in place, a directory is refused. Every node is made by the test in its own
 * directory (never the machine's {@code /dev/null}).
 */
class ExportOntoSpecialFilesTest {
    @TempDir
    Path dir;

    @Test
    void anExportOntoACharacterDeviceLeavesTheDeviceNode() throws Exception {
        Path device = dir.resolve("null");
        assertTrue(
                run("mknod", device.toString(), "c", "1", "3") == 0,
                "mknod failed: these tests make a device node in their own folder and need root (bin/test runs as root)");
        ExportDestination.Delivery d = deliver(device);
        assertEquals("character special file", fileType(device), "the device node must stay a device node");
        assertTrue(d.bytes() > 0);
        assertEquals(0, leftovers(), "no temporary file stays beside it");
    }

    @Test
    void anExportOntoAFifoIsWrittenIntoThePipe() throws Exception {
        Path fifo = dir.resolve("pipe");
        assertEquals(0, run("mkfifo", fifo.toString()));
        CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readString(fifo, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        deliver(fifo);
        assertTrue(reader.get(30, TimeUnit.SECONDS).contains("tasker_jobs_total 1"), "the reader got the export");
        assertEquals("fifo", fileType(fifo), "the FIFO must stay a FIFO");
        assertEquals(0, leftovers());
    }

    @Test
    void anExportThroughALinkToADeviceLeavesBothInPlace() throws Exception {
        Path device = dir.resolve("null");
        assertTrue(
                run("mknod", device.toString(), "c", "1", "3") == 0,
                "mknod failed: these tests make a device node in their own folder and need root (bin/test runs as root)");
        Path link = Files.createSymbolicLink(dir.resolve("stdout"), device);
        deliver(link);
        assertTrue(Files.isSymbolicLink(link), "the link stays a link");
        assertEquals("character special file", fileType(device));
    }

    @Test
    void anExportOntoADirectoryOrALinkToOneIsRefused() throws IOException {
        Path directory = Files.createDirectory(dir.resolve("exports"));
        IOException onDirectory = assertThrows(IOException.class, () -> deliver(directory));
        assertTrue(onDirectory.getMessage().contains(directory + " is a directory"), onDirectory.getMessage());
        Path link = Files.createSymbolicLink(dir.resolve("link"), directory);
        IOException onLink = assertThrows(IOException.class, () -> deliver(link));
        assertTrue(onLink.getMessage().contains("is a directory"), onLink.getMessage());
        assertTrue(Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS) && Files.isSymbolicLink(link));
    }

    @Test
    void aRegularFileIsStillReplacedWhole() throws IOException {
        Path file = Files.writeString(dir.resolve("now.prom"), "old");
        deliver(file);
        assertTrue(Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS));
        assertTrue(Files.readString(file).contains("tasker_jobs_total 1"));
    }

    private ExportDestination.Delivery deliver(Path target) throws IOException {
        MetricRegistry registry = new MetricRegistry();
        registry.counter("jobs_total").labels().inc();
        return new FileDestination(
                        new PrometheusTextWriter(),
                        target.toAbsolutePath().getParent(),
                        target,
                        new ManualClock(Instant.EPOCH))
                .deliver(registry.snapshot());
    }

    private long leftovers() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith(".export-"))
                    .count();
        }
    }

    private static String fileType(Path path) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("stat", "-c", "%F", path.toString())
                .redirectErrorStream(true)
                .start();
        String type = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        p.waitFor();
        return type;
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor();
    }
}
