package io.tasker.metrics.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code promtool check metrics}, the Prometheus project's own judge of exposition text.
 *
 * <p>{@code Promtool.assertValid("# HELP jobs_total Jobs.\n# TYPE jobs_total counter\njobs_total 3\n");}
 */
public final class Promtool {

    private static final long TIMEOUT_SECONDS = 30;

    /**
     * What promtool answered: its exit code and its stdout and stderr together.
     *
     * @param exitCode promtool's exit code
     * @param output its standard output and error together
     */
    public record Result(int exitCode, String output) {

        /**
         * True when promtool accepted the text without a single lint remark.
         *
         * @return whether the exit code is 0 and nothing was printed
         */
        public boolean clean() {
            return exitCode == 0 && output.isBlank();
        }
    }

    private Promtool() {}

    /**
     * Feeds {@code text} to {@code promtool check metrics} on stdin.
     *
     * @param text exposition text
     * @return what promtool answered
     * @throws Executables.MissingExecutableError when promtool is not installed
     */
    public static Result checkMetrics(String text) {
        Path promtool = Executables.promtool();
        try {
            Process process = new ProcessBuilder(List.of(promtool.toString(), "check", "metrics"))
                    .redirectErrorStream(true)
                    .start();
            // Read while writing: a large input could otherwise fill the pipe and block both sides.
            CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(text.getBytes(StandardCharsets.UTF_8));
            }
            return new Result(awaitExit(process), output.join());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run " + promtool + " check metrics", e);
        }
    }

    /**
     * Fails unless promtool accepts {@code text} with exit code 0 and prints nothing: lint warnings
     * such as a counter without {@code _total} count as failures.
     *
     * @param text exposition text
     * @throws AssertionError when promtool does not accept it cleanly
     */
    public static void assertValid(String text) {
        Result result = checkMetrics(text);
        if (!result.clean()) {
            throw new AssertionError("promtool check metrics rejected the text (exit code " + result.exitCode() + "):\n"
                    + result.output() + "\n--- text ---\n" + text);
        }
    }

    private static int awaitExit(Process process) {
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("promtool check metrics did not finish within " + TIMEOUT_SECONDS + " s");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("Interrupted while waiting for promtool", e);
        }
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
