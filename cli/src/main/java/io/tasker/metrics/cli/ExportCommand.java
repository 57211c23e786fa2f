package io.tasker.metrics.cli;

import io.tasker.metrics.Clock;
import io.tasker.metrics.config.ExportDestinations;
import io.tasker.metrics.config.TaskerConfig;
import io.tasker.metrics.export.ExportRecord;
import io.tasker.metrics.export.ExportTrigger;
import io.tasker.metrics.export.FileDestination;
import io.tasker.metrics.runtime.TaskerRuntime;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code export}: the coordinated export a CronJob runs. It takes the export lock (another
 * instance exporting is a skip, and a success), skips when the shared history holds a successful
 * export of this window (so a backup CronJob exports only when the main one did not; {@code
 * --force} overrides), extends the data's time to live when late,
 * retries with growing delays within the job timeout, and records the export in the shared history.
 * While the view is being written again after the store lost its data, it is held back: nothing
 * is written, and it exits {@link TaskerMetricsCli#HELD_BACK} saying when exports resume.
 */
@Command(name = "export", description = "Coordinated export of the cluster view (lock, timing, retries, history).")
final class ExportCommand implements Callable<Integer> {
    @ParentCommand
    TaskerMetricsCli parent;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--format",
            paramLabel = "F",
            description =
                    "prometheus (remote write when telemetry.prometheus.endpoint is set, else a file), "
                            + "openmetrics, json, csv, remote_write, or otlp to send OTLP metrics to the OTLP receiver (default: telemetry.metrics_format).")
    String format;

    @Option(
            names = "--force",
            description = "Export even when the shared history holds a successful export of "
                    + "this window (telemetry.export_interval).")
    boolean force;

    @Override
    public Integer call() {
        TaskerConfig config = CliContext.config(parent.config, parent.environment());
        String f = format != null ? format : config.telemetry().metricsFormat();
        var destination = ExportDestinations.forConfig(config, f, Clock.SYSTEM);
        try (TaskerRuntime runtime = CliContext.runtime(config)) {
            ExportRecord r = force
                    ? runtime.coordinator().export(destination, ExportTrigger.CLI)
                    : runtime.coordinator().exportOncePer(config.export().interval(), destination, ExportTrigger.CLI);
            if (destination instanceof FileDestination) {
                // A CronJob's export is the natural moment to keep the directory bounded.
                config.export().retention().prune(config.telemetry().exportDirectory(), Clock.SYSTEM.instant());
            }
            return report(r, spec.commandLine().getOut(), spec.commandLine().getErr());
        }
    }

    static int report(ExportRecord r, PrintWriter out, PrintWriter err) {
        switch (r.outcome()) {
            case SUCCESS -> {
                out.println("Exported " + r.series() + " series (" + r.bytes() + " bytes, " + r.format() + ") to "
                        + r.destination() + " in " + r.durationMillis() + " ms; attempts " + r.attempts()
                        + ", fencing number " + r.fencingNumber() + ", timing: " + r.timing() + ".");
                if (r.error() != null) {
                    err.println("Warning: " + r.error());
                }
                return TaskerMetricsCli.OK;
            }
            case SKIPPED -> {
                // The record says "skipped: why" for the history; here "Export skipped" says it already.
                out.println("Export skipped: " + SafeText.line(r.error().replaceFirst("^skipped: ", "")));
                return TaskerMetricsCli.OK;
            }
            case HELD_BACK -> {
                // Not a success: a script that uploads the file after a zero exit must not upload nothing.
                err.println("Export held back, nothing written: " + r.error().replaceFirst("^held back: ", ""));
                return TaskerMetricsCli.HELD_BACK;
            }
            default -> {
                // The error may quote a receiver's answer: one line, its control characters escaped.
                err.println("Export failed after " + r.attempts() + " attempt(s): " + SafeText.line(r.error()));
                return TaskerMetricsCli.FAILED;
            }
        }
    }
}
