package io.tasker.metrics.export;

import io.tasker.metrics.Clock;
import io.tasker.metrics.config.TaskerConfig;
import io.tasker.metrics.format.ExpositionFormats;

/**
 * The destination a configuration gives scheduled and coordinated exports: a timestamped file
 * of {@code telemetry.metrics_format} in {@code telemetry.export_directory}.
 */
public final class ExportDestinations {
    private ExportDestinations() {
    }

    /** @param format a format name, or null for {@code telemetry.metrics_format} */
    public static ExportDestination forConfig(TaskerConfig config, String format, Clock clock) {
        String f = format != null ? format : config.telemetry().metricsFormat();
        return new FileDestination(ExpositionFormats.byName(f), config.telemetry().exportDirectory(), null, clock);
    }
}
