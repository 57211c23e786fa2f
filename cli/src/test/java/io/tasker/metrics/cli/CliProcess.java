package io.tasker.metrics.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code tasker-metrics} as a process of its own, the way a CronJob runs it: its own JVM on this
 * test's class path, no TASKER_ENV or TASKER_METRICS_CONFIG from the machine.
 *
 * <pre>{@code
 * CliProcess.Run r = CliProcess.finish(CliProcess.start(config, "export"));
 * }</pre>
 */
final class CliProcess {
    private CliProcess() {}

    /** How a process ended: its exit code and its output (standard output and error together). */
    record Run(int code, String output) {}

    static Process start(Path config, String... command) throws IOException {
        List<String> args = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                TaskerMetricsCli.class.getName(),
                "--config",
                config.toString()));
        args.addAll(List.of(command));
        ProcessBuilder builder = new ProcessBuilder(args).redirectErrorStream(true);
        builder.environment().remove("TASKER_ENV");
        builder.environment().remove("TASKER_METRICS_CONFIG");
        return builder.start();
    }

    static Run finish(Process p) throws IOException, InterruptedException {
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("tasker-metrics did not finish within 120 s:\n" + output);
        }
        return new Run(p.exitValue(), output);
    }

    /** Starts every command line at once (racing CronJobs), then waits for all. */
    static List<Run> race(Path config, int processes, String... command) throws IOException, InterruptedException {
        List<Process> started = new ArrayList<>();
        for (int i = 0; i < processes; i++) {
            started.add(start(config, command));
        }
        List<Run> runs = new ArrayList<>();
        for (Process p : started) {
            runs.add(finish(p));
        }
        return runs;
    }
}
