package io.tasker.metrics.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code bin/console} processes from one directory, on one H2 file, now that no console
 * serves its file to another (H2's automatic mixed mode opened a port on every interface): the
 * second waits for the first to let go of the file, and fails with a message naming the file
 * and what to do when it does not within {@code console.database_wait}; started while the first
 * stops (a restart), it takes the file over.
 */
class TwoConsoleProcessesTest {
    private static final String READY = "Tasker Metrics console: http://";

    @TempDir
    Path dir;

    private final List<ConsoleProcess> started = new ArrayList<>();

    @AfterEach
    void stopAll() throws InterruptedException {
        for (ConsoleProcess p : started) {
            p.process.destroy();
            p.process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aSecondConsoleOnTheSameFileWaitsForItThenFailsWithAMessage() throws Exception {
        ConsoleProcess first = start("0s");
        first.await(READY, Duration.ofSeconds(120));

        ConsoleProcess second = start("2s");
        assertTrue(second.process.waitFor(120, TimeUnit.SECONDS), second.output());
        assertEquals(2, second.process.exitValue(), second.output());
        assertTrue(
                second.output().contains("is in use by another process")
                        && second.output().contains("console.database_wait")
                        && second.output()
                                .contains(dir.resolve("data/console.mv.db").toString()),
                second.output());

        ConsoleProcess third = start("120s");
        Thread.sleep(2_000); // Started, and waiting for the file.
        first.process.destroy(); // A restart: the first stops (its shutdown hook closes the database).
        assertTrue(first.process.waitFor(60, TimeUnit.SECONDS), first.output());
        third.await(READY, Duration.ofSeconds(120));
    }

    private ConsoleProcess start(String wait) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        ConsoleMain.class.getName(),
                        "--port",
                        "0"))
                .directory(dir.toFile())
                .redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("TASKER_") || k.startsWith("OTEL_"));
        builder.environment().put("TASKER_CONSOLE_DATABASE_URL", "jdbc:h2:file:./data/console");
        builder.environment().put("TASKER_CONSOLE_DATABASE_WAIT", wait);
        builder.environment().put("TASKER_EXPORT_DIR", dir.resolve("exports").toString());
        ConsoleProcess p = new ConsoleProcess(builder.start());
        started.add(p);
        return p;
    }

    /** A console process and everything it printed so far, read on a thread of its own. */
    private static final class ConsoleProcess {
        private final Process process;
        private final StringBuffer output = new StringBuffer();

        ConsoleProcess(Process process) {
            this.process = process;
            Thread reader = new Thread(() -> copy(process.getInputStream()), "console-output");
            reader.setDaemon(true);
            reader.start();
        }

        private void copy(InputStream in) {
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    output.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                }
            } catch (IOException closed) {
                // The process ended.
            }
        }

        String output() {
            return output.toString();
        }

        void await(String text, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!output().contains(text)) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new AssertionError("No '" + text + "' from the console:\n" + output());
                }
                Thread.sleep(100);
            }
        }
    }
}
