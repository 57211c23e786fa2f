package io.tasker.metrics.cli;

import io.tasker.metrics.config.TaskerConfig;
import io.tasker.metrics.export.ExportRecord;
import io.tasker.metrics.export.ExportTrigger;
import io.tasker.metrics.runtime.TaskerRuntime;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code export-now}: the cluster view at once, without lock or timing, to a file or to
 * standard output (then the summary goes to standard error, so the output stays clean for a pipe).
 * While the view is being written again after the store lost its data it is held back (exit
 * {@link TaskerMetricsCli#HELD_BACK}, the output file left as it was) unless {@code --force}.
 */
@Command(name = "export-now", description = "Export the cluster view at once, to --output FILE or standard output.")
final class ExportNowCommand implements Callable<Integer> {
    @ParentCommand
    TaskerMetricsCli parent;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--format",
            paramLabel = "F",
            description = "prometheus, openmetrics, json, csv, remote_write to push to telemetry.prometheus.endpoint, "
                    + "or otlp to send OTLP metrics to the OTLP receiver (default: telemetry.metrics_format).")
    String format;

    @Option(
            names = "--output",
            paramLabel = "FILE",
            description = "File to write; - or /dev/stdout for standard output "
                    + "(the default). A device or FIFO is written in place, a directory refused.")
    Path output;

    @Option(
            names = "--force",
            description = "Export what the view holds even while it is being written again after "
                    + "the store lost its data (a warning on standard error names what it may lack).")
    boolean force;

    /** Standard output as bytes; tests put their own stream here. */
    static OutputStream stdout = new FileOutputStream(FileDescriptor.out);

    @Override
    public Integer call() {
        TaskerConfig config = CliContext.config(parent.config, parent.environment());
        String f = format != null ? format : config.telemetry().metricsFormat();
        var destination = Destinations.forExportNow(config, f, output, stdout);
        try (TaskerRuntime runtime = CliContext.runtime(config)) {
            ExportRecord r = runtime.coordinator().exportNow(destination, ExportTrigger.CLI, force);
            PrintWriter summary = Destinations.isStdout(output)
                    ? spec.commandLine().getErr()
                    : spec.commandLine().getOut();
            return ExportCommand.report(r, summary, spec.commandLine().getErr());
        }
    }
}
