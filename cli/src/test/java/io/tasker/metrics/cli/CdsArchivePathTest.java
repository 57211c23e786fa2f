package io.tasker.metrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/tasker-metrics} never asks the JVM to write its class data sharing archive over
 * something that is not a regular file: the JVM deletes the path and writes a new file there, so
 * {@code TASKER_METRICS_CDS_ARCHIVE=/dev/null} would replace a device node. The script runs
 * against a stand-in {@code java} that records its arguments, in a copy of the repository's
 * layout with a jar newer than any source, so nothing is built and no JVM starts.
 */
class CdsArchivePathTest {
    @TempDir
    Path dir;

    private Path script;

    @BeforeEach
    void fakeRepositoryAndJava() throws IOException {
        Path root = dir.resolve("repo");
        script = Files.createDirectories(root.resolve("bin")).resolve("tasker-metrics");
        Files.copy(Path.of("..", "bin", "tasker-metrics"), script);
        Files.createDirectories(root.resolve("cli/target"));
        Files.writeString(root.resolve("cli/target/tasker-metrics.jar"), "");
        Path java = Files.createDirectories(dir.resolve("path")).resolve("java");
        Files.writeString(java, "#!/bin/sh\nprintf '%s\\n' \"$@\" > \"" + dir.resolve("args") + "\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void theArchiveIsNeverWrittenOverADeviceNode() throws Exception {
        Path device = dir.resolve("null");
        assertTrue(
                run("mknod", device.toString(), "c", "1", "3") == 0,
                "mknod failed: these tests make a device node in their own folder and need root (bin/test runs as root)");
        String args = javaArgumentsWithArchiveAt(device);
        assertFalse(args.contains("ArchiveClassesAtExit=" + device), args);
        assertFalse(args.contains("SharedArchiveFile=" + device), args);
    }

    @Test
    void theArchiveIsNeverWrittenOverAFifoOrADirectory() throws Exception {
        Path fifo = dir.resolve("fifo");
        assertEquals(0, run("mkfifo", fifo.toString()));
        assertFalse(javaArgumentsWithArchiveAt(fifo).contains("ArchiveClassesAtExit"));
        Path directory = Files.createDirectory(dir.resolve("archive"));
        assertFalse(javaArgumentsWithArchiveAt(directory).contains("ArchiveClassesAtExit"));
    }

    @Test
    void aMissingArchiveIsStillWrittenByTheFirstRun() throws Exception {
        Path archive = dir.resolve("cli.jsa");
        assertTrue(javaArgumentsWithArchiveAt(archive).contains("-XX:ArchiveClassesAtExit=" + archive));
    }

    private String javaArgumentsWithArchiveAt(Path archive) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString(), "status").redirectErrorStream(true);
        builder.environment().put("PATH", dir.resolve("path") + ":" + System.getenv("PATH"));
        builder.environment().put("TASKER_METRICS_CDS_ARCHIVE", archive.toString());
        Process p = builder.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), output);
        return Files.readString(dir.resolve("args"));
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor();
    }
}
