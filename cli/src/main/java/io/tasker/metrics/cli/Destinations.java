package io.tasker.metrics.cli;

import io.tasker.metrics.Clock;
import io.tasker.metrics.config.TaskerConfig;
import io.tasker.metrics.export.ExportDestination;
import io.tasker.metrics.config.ExportDestinations;
import io.tasker.metrics.export.FileDestination;
import io.tasker.metrics.export.StreamDestination;
import io.tasker.metrics.formats.ExpositionFormats;
import java.io.OutputStream;
import java.nio.file.Path;

/** Where the export commands send the cluster view, from the format and the configuration. */
final class Destinations {
    private Destinations() {
    }

    /**
     * {@code export-now}: the named file, or standard output for none or {@code -}; with
     * {@code remote_write} or {@code otlp}, a push to the endpoint at once.
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
        if (output == null || output.toString().equals("-")) {
            return new StreamDestination(ExpositionFormats.byName(format), stdout, "stdout");
        }
        return new FileDestination(ExpositionFormats.byName(format), output.toAbsolutePath().getParent(), output,
                Clock.SYSTEM);
    }
}
