package io.tasker.metrics.cli;

import io.tasker.metrics.Clock;
import io.tasker.metrics.config.ExportDestinations;
import io.tasker.metrics.config.TaskerConfig;
import io.tasker.metrics.export.ExportDestination;
import io.tasker.metrics.export.FileDestination;
import io.tasker.metrics.export.StreamDestination;
import io.tasker.metrics.formats.ExpositionFormats;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the export commands send the cluster view, from the format and the configuration. */
final class Destinations {
    private Destinations() {}

    /**
     * {@code export-now}: the named file, or standard output for none, {@code -} or
     * {@code /dev/stdout}; with {@code remote_write} or {@code otlp}, a push to the endpoint at
     * once. A directory is refused before anything is read.
     */
    static ExportDestination forExportNow(TaskerConfig config, String format, Path output, OutputStream stdout) {
        if (format.trim().equalsIgnoreCase(ExportDestinations.OTLP)) {
            if (output != null) {
                throw new IllegalArgumentException("--output does not go with --format otlp, which sends to the OTLP "
                        + "receiver (OTEL_EXPORTER_OTLP_ENDPOINT); leave one of them out");
            }
            return ExportDestinations.otlp(config);
        }
        if (format.trim().equalsIgnoreCase(ExportDestinations.REMOTE_WRITE)) {
            if (output != null) {
                throw new IllegalArgumentException("--output does not go with --format remote_write, which pushes to "
                        + "telemetry.prometheus.endpoint; leave one of them out");
            }
            return ExportDestinations.remoteWrite(config);
        }
        if (isStdout(output)) {
            return new StreamDestination(ExpositionFormats.byName(format), stdout, "stdout");
        }
        if (Files.isDirectory(output)) {
            throw new IllegalArgumentException(
                    "--output " + output + " is a directory; name a file (" + output.resolve("tasker-metrics.prom")
                            + ", say), or use 'export' to write timestamped files into a directory");
        }
        return new FileDestination(
                ExpositionFormats.byName(format), output.toAbsolutePath().getParent(), output, Clock.SYSTEM);
    }

    /**
     * Whether {@code export-now} writes to standard output. {@code /dev/stdout} is the process's own
     * stream too: opened again by name it would truncate a file the shell appends to ({@code >>}).
     */
    static boolean isStdout(Path output) {
        return output == null
                || output.toString().equals("-")
                || output.toString().equals("/dev/stdout");
    }
}
