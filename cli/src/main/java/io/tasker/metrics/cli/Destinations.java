package io.tasker.metrics.cli;

import io.tasker.metrics.Clock;
import io.tasker.metrics.config.TaskerConfig;
import io.tasker.metrics.export.ExportDestination;
import io.tasker.metrics.export.FileDestination;
import io.tasker.metrics.export.StreamDestination;
import io.tasker.metrics.format.ExpositionFormats;
import java.io.OutputStream;
import java.nio.file.Path;

/** Where the export commands send the cluster view, from the format and the configuration. */
final class Destinations {
    private Destinations() {
    }

    /** {@code export}: a timestamped file in the export directory. */
    static ExportDestination forExport(TaskerConfig config, String format) {
        return new FileDestination(ExpositionFormats.byName(format), config.telemetry().exportDirectory(), null,
                Clock.SYSTEM);
    }

    /** {@code export-now}: the named file, or standard output for none or {@code -}. */
    static ExportDestination forExportNow(String format, Path output, OutputStream stdout) {
        if (output == null || output.toString().equals("-")) {
            return new StreamDestination(ExpositionFormats.byName(format), stdout, "stdout");
        }
        return new FileDestination(ExpositionFormats.byName(format), output.toAbsolutePath().getParent(), output,
                Clock.SYSTEM);
    }
}
