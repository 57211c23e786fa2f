package io.tasker.metrics.cli;

import io.tasker.metrics.export.ExportRecord;
import io.tasker.metrics.runtime.TaskerRuntime;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code status}: what the collector and the cluster look like from the shared store. */
@Command(
        name = "status",
        description = "Show the sync strategy, the cache store and its capabilities, "
                + "the metrics count, the last sync and export, and the settings (passwords masked).")
final class StatusCommand implements Callable<Integer> {
    @ParentCommand
    TaskerMetricsCli parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--verbose", description = "Also list the live instances, the recent exports and any problems.")
    boolean verbose;

    @Mixin
    JsonOption output;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (TaskerRuntime runtime = CliContext.runtime(CliContext.config(parent.config, parent.environment()))) {
            StatusReport report = StatusReport.gather(runtime);
            output.print(out, report, text -> print(text, report));
            return report.cacheHealthy() ? TaskerMetricsCli.OK : TaskerMetricsCli.FAILED;
        }
    }

    private void print(PrintWriter out, StatusReport r) {
        out.println("Tasker metrics status");
        row(out, "Instance id", r.instanceId() + " (this command observes; it records nothing)");
        row(out, "Environment", r.environment() == null ? "none (no TASKER_ENV or --env)" : r.environment());
        row(out, "Sync strategy", r.syncStrategy());
        row(
                out,
                "Cache store",
                r.cacheStore()
                        + (r.cacheHealthy() ? " (healthy)" : " (UNHEALTHY: " + SafeText.line(r.cacheError()) + ")"));
        row(out, "Metrics count", r.metricsCount() + " metrics, " + r.seriesCount() + " series (cluster view)");
        row(out, "Live instances", String.valueOf(r.liveInstances().size()));
        row(out, "Last sync", when(r.lastSync()));
        row(out, "Last export", r.lastExport() == null ? "never" : export(r.lastExport()));
        row(
                out,
                "Next export",
                r.nextExport() == null ? "unknown" : r.nextExport() + " (" + r.nextExportReason() + ")");
        section(out, "Cache capabilities", r.capabilities());
        section(out, "Telemetry", r.telemetry());
        section(out, "Prometheus", r.prometheus());
        section(out, "Cache", r.cache());
        if (verbose) {
            out.println("Instances:");
            r.liveInstances().forEach(i -> out.println("  " + SafeText.line(i)));
            out.println("Retired generation: " + r.retiredGeneration());
            StatusReport.ExportFiles f = r.exportFiles();
            out.println("Export files: " + f.files() + " in " + f.directory()
                    + (f.oldest() == null ? "" : ", the oldest from " + f.oldest()) + "; kept " + f.retention()
                    + ", at most " + f.maxFiles() + " (telemetry.export_retention, telemetry.export_max_files)");
            out.println("Recent exports:");
            r.recentExports().forEach(e -> out.println("  " + export(e)));
            out.println("Problems:" + (r.problems().isEmpty() ? " none" : ""));
            r.problems().forEach(p -> out.println("  " + SafeText.line(p)));
        }
    }

    private static void row(PrintWriter out, String name, String value) {
        out.printf("  %-16s %s%n", name + ":", value);
    }

    private static void section(PrintWriter out, String title, Map<String, ?> values) {
        out.println(title + ":");
        values.forEach((k, v) -> out.printf("  %-24s %s%n", k, v instanceof Boolean b ? (b ? "yes" : "no") : v));
    }

    private static String when(Instant t) {
        return t == null
                ? "never"
                : t + " (" + Duration.between(t, Instant.now()).toSeconds() + " s ago)";
    }

    /**
     * One export of the shared history, on one line: its texts come from whoever wrote the store;
     * format and trigger are words of ours (an unknown one reads as {@code unknown}).
     */
    static String export(ExportRecord e) {
        return e.at() + " " + e.outcome().name().toLowerCase(Locale.ROOT) + " " + e.format() + " -> "
                + SafeText.line(e.destination()) + " by " + SafeText.line(e.instance()) + " ("
                + e.trigger()
                + ", " + e.series() + " series" + (e.error() == null ? "" : ", " + SafeText.line(e.error())) + ")";
    }
}
