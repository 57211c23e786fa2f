package io.tasker.metrics.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tasker.metrics.testing.Http;
import io.tasker.metrics.testing.RedisServerExtension;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code bin/console} processes from one directory, on one H2 file, now that no console
 * serves its file to another (H2's automatic mixed mode opened a port on every interface): the
 * second starts at once and serves the cluster view from the store while it waits for the first
 * to let go of the file, saying so on its health page; it takes the file over, with the history
 * the first wrote, when the first stops (a rolling restart), and fails with a message naming the
 * file and what to do when the first does not stop within {@code console.database_wait}.
 */
class TwoConsoleProcessesTest {
    private static final String READY = "Tasker Metrics console: http://";
    private static final String TOKEN = "token-" + UUID.randomUUID();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The store both consoles read the cluster view from. */
    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

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
    void aRollingRestartServesAtOnceThenTakesTheFileOverWithTheExportsMadeThroughTheFirst() throws Exception {
        ConsoleProcess first = start("0s");
        first.await(READY, Duration.ofSeconds(120));
        Http.Response export = Http.post(first.url() + "api/export?format=csv", "Authorization", "Bearer " + TOKEN);
        assertEquals(200, export.status(), export.body());
        String exportedAt = JSON.readTree(export.body()).path("at").asText();

        ConsoleProcess second = start("120s");
        second.await(READY, Duration.ofSeconds(120)); // Started, and serving, while the first holds the file.
        assertEquals(
                200,
                Http.get(second.url() + "api/metrics", "Authorization", "Bearer " + TOKEN)
                        .status());
        JsonNode status = JSON.readTree(Http.get(second.url() + "health/status", "Authorization", "Bearer " + TOKEN)
                .body());
        assertTrue(
                status.path("database_waiting").asText().contains("is in use by another process"), status.toString());
        assertTrue(
                Http.get(second.url() + "health", "Authorization", "Bearer " + TOKEN)
                        .body()
                        .contains("takes the file over when the other lets go of it"),
                "the health page says so");

        first.process.destroy(); // The rolling restart stops the old console (its shutdown hook closes the database).
        assertTrue(first.process.waitFor(60, TimeUnit.SECONDS), first.output());
        JsonNode exports = awaitExports(second, Duration.ofSeconds(60));
        assertEquals(exportedAt, exports.path("exports").path(0).path("at").asText(), exports.toString());
        assertEquals("csv", exports.path("exports").path(0).path("format").asText(), exports.toString());
        JsonNode after = JSON.readTree(Http.get(second.url() + "health/status", "Authorization", "Bearer " + TOKEN)
                .body());
        assertTrue(after.path("database_healthy").asBoolean(), after.toString());
        assertTrue(after.path("database_waiting").isNull(), after.toString());
    }

    /** The second console's export history once it holds the file: polled, since the handover takes a moment. */
    private static JsonNode awaitExports(ConsoleProcess console, Duration timeout) {
        JsonNode exports = Awaitility.await()
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(200))
                .ignoreExceptions() // The handover: the port may not answer for a moment.
                .until(
                        () -> JSON.readTree(Http.get(console.url() + "api/exports", "Authorization", "Bearer " + TOKEN)
                                .body()),
                        e -> e.path("total").asInt() > 0);
        assertEquals(1, exports.path("total").asInt(), exports + "\n" + console.output());
        return exports;
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
        builder.environment().put("TASKER_CACHE_URL", REDIS.url());
        builder.environment().put("TASKER_CONSOLE_TOKEN", TOKEN);
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

        /** The address the console printed, {@code http://127.0.0.1:<port>/}. */
        String url() {
            Matcher m =
                    Pattern.compile("Tasker Metrics console: (http://\\S+/)").matcher(output());
            if (!m.find()) {
                throw new AssertionError("No address from the console:\n" + output());
            }
            return m.group(1);
        }

        void await(String text, Duration timeout) {
            try {
                Awaitility.await()
                        .atMost(timeout)
                        .pollInterval(Duration.ofMillis(100))
                        .failFast(() -> !process.isAlive() && !output().contains(text))
                        .until(() -> output().contains(text));
            } catch (ConditionTimeoutException | TerminalFailureException e) {
                throw new AssertionError("No '" + text + "' from the console:\n" + output(), e);
            }
        }
    }
}
