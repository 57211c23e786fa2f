package io.tasker.metrics.cli;

import io.tasker.metrics.config.ConfigException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bin/tasker-metrics}: the cluster's operations as commands for Kubernetes CronJobs, in a process that records nothing of its own.
 * Exit 0 on success (a skip because another instance holds the export lock is a success), 1 on
 * failure, 2 on a usage or configuration error, 75 when an export is held back because the store
 * lost its data and the view is being written again (sysexits' EX_TEMPFAIL: try again later).
 *
 * <pre>{@code
 * tasker-metrics --config /etc/tasker/metrics.yml export --format prometheus
 * }</pre>
 */
@Command(
        name = "tasker-metrics",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Tasker Metrics: status, sync and export of the cluster-wide metrics in the shared store.",
        subcommands = {
            StatusCommand.class,
            SyncCommand.class,
            ExportCommand.class,
            ExportNowCommand.class,
            RunsCommand.class
        },
        footer = {
            "",
            "Configuration: --config FILE or TASKER_METRICS_CONFIG, with its environments: entry named by "
                    + "--env or TASKER_ENV laid over it; environment variables such as TASKER_CACHE_URL, PROMETHEUS_ENDPOINT "
                    + "override both (see docs/configuration.md)."
        })
public final class TaskerMetricsCli implements Runnable {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    /**
     * An export held back while the view is being written again after the store lost its data:
     * nothing was written; it resumes by itself (sysexits' {@code EX_TEMPFAIL}).
     */
    public static final int HELD_BACK = 75;

    @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration file.")
    Path config;

    @Option(
            names = "--env",
            paramLabel = "NAME",
            description = "The entry of the file's environments: section to lay " + "over it (default: TASKER_ENV).")
    String env;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The process environment, with TASKER_ENV replaced by {@code --env} when given. */
    Map<String, String> environment() {
        Map<String, String> vars = new HashMap<>(System.getenv());
        if (env != null) {
            vars.put("TASKER_ENV", env);
        }
        return vars;
    }

    public static void main(String[] args) {
        // The console's encoding, as System.out itself writes: names and errors may hold any text.
        Charset out = Charset.defaultCharset();
        System.exit(run(
                args,
                new PrintWriter(new OutputStreamWriter(System.out, out), true),
                new PrintWriter(new OutputStreamWriter(System.err, out), true)));
    }

    /**
     * Runs a command line with these streams; returns the exit code. Whatever a command prints
     * passes a guard that escapes control characters (text from the store may hold them).
     *
     * @param args the command line
     * @param rawOut standard output
     * @param rawErr standard error
     * @return the exit code
     */
    public static int run(String[] args, PrintWriter rawOut, PrintWriter rawErr) {
        PrintWriter out = SafeText.guard(rawOut);
        PrintWriter err = SafeText.guard(rawErr);
        CommandLine cli = new CommandLine(new TaskerMetricsCli());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof ConfigException || e instanceof IllegalArgumentException) {
                err.println("tasker-metrics: " + e.getMessage());
                return USAGE;
            }
            err.println("tasker-metrics: " + e);
            return FAILED;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "Missing command: status, sync, export or export-now");
    }
}
