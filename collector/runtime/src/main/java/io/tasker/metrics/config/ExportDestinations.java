package io.tasker.metrics.config;

import io.tasker.metrics.Clock;
import io.tasker.metrics.export.ExportDestination;
import io.tasker.metrics.export.FileDestination;
import io.tasker.metrics.export.RemoteWriteDestination;
import io.tasker.metrics.export.remote.RemoteWriteClient;

import io.tasker.metrics.export.remote.RemoteWriteSettings;
import io.tasker.metrics.formats.ExpositionFormats;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The destination a configuration gives exports. A coordinated export (the scheduler, the
 * CLI's {@code export}) of {@code prometheus} goes to the remote write endpoint when
 * {@code telemetry.prometheus.endpoint} is set, because an operator who configured an endpoint wants the data pushed there;
 * every other format, and {@code prometheus} without an endpoint, goes to a timestamped file in
 * {@code telemetry.export_directory}. {@code remote_write} asks for the endpoint explicitly.
 *
 * <pre>{@code
 * ExportDestination d = ExportDestinations.forConfig(config, null, Clock.SYSTEM);
 * }</pre>
 */
public final class ExportDestinations {
    /** The format name that pushes to the remote write endpoint. */
    public static final String REMOTE_WRITE = RemoteWriteDestination.FORMAT;
    /** Every name {@link #forConfig} takes. */
    public static final List<String> NAMES = Stream.concat(ExpositionFormats.NAMES.stream(), Stream.of(REMOTE_WRITE))
            .toList();

    private ExportDestinations() {
    }

    /**
     * The destination of an export of {@code format}: the remote write endpoint for
     * {@code remote_write}, and for {@code prometheus} when an endpoint is set; a timestamped
     * file otherwise.
     *
     * @param config the configuration
     * @param format a format name, or null for {@code telemetry.metrics_format}
     * @param clock the time source for file names
     * @return the destination
     * @throws IllegalArgumentException for an unknown format, or {@code remote_write} without an endpoint
     */
    public static ExportDestination forConfig(TaskerConfig config, String format, Clock clock) {
        String f = canonicalName(format != null ? format : config.telemetry().metricsFormat());
        if (f.equals(REMOTE_WRITE) || f.equals("prometheus") && remoteWriteConfigured(config)) {
            return remoteWrite(config);
        }
        return file(config, f, clock);
    }

    /**
     * Whether {@code telemetry.prometheus.endpoint} is set.
     *
     * @param config the configuration
     * @return true when the endpoint is set and not blank
     */
    public static boolean remoteWriteConfigured(TaskerConfig config) {
        String endpoint = config.prometheus().endpoint();
        return endpoint != null && !endpoint.isBlank();
    }

    /**
     * The remote write endpoint of the configuration.
     *
     * @param config the configuration
     * @return a destination that pushes to the endpoint
     * @throws IllegalArgumentException naming the key when the endpoint is not set
     */
    public static ExportDestination remoteWrite(TaskerConfig config) {
        if (!remoteWriteConfigured(config)) {
            throw new IllegalArgumentException("Format remote_write needs telemetry.prometheus.endpoint "
                    + "(or PROMETHEUS_ENDPOINT), for example http://prometheus:9090/api/v1/write");
        }
        return new RemoteWriteDestination(new RemoteWriteClient(config.prometheus().remoteWrite()));
    }

    /**
     * A timestamped file of {@code format} in the export directory, whatever the endpoint.
     *
     * @param config the configuration, for {@code telemetry.export_directory}
     * @param format a file format name
     * @param clock the time source for the file's name
     * @return the destination
     * @throws IllegalArgumentException for an unknown format
     */
    public static ExportDestination file(TaskerConfig config, String format, Clock clock) {
        return new FileDestination(ExpositionFormats.byName(format), config.telemetry().exportDirectory(), null, clock);
    }

    /**
     * A file format's name as {@link ExpositionFormats} spells it, or {@code remote_write}; else an error.
     *
     * @param format a format name in any case
     * @return the canonical name
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    public static String canonicalName(String format) {
        return canonical(format).orElseThrow(() -> ExpositionFormats.unknown(format, NAMES));
    }

    /**
     * Like {@link #canonicalName}, empty when the name is unknown.
     *
     * @param format a format name in any case, or null
     * @return the canonical name, or empty
     */
    public static Optional<String> canonical(String format) {
        if (format != null && format.trim().equalsIgnoreCase(REMOTE_WRITE)) {
            return Optional.of(REMOTE_WRITE);
        }
        return ExpositionFormats.canonical(format);
    }
}
