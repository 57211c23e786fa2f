package io.tasker.metrics.config;

import io.tasker.metrics.Clock;
import io.tasker.metrics.export.ExportDestination;
import io.tasker.metrics.export.FileDestination;
import io.tasker.metrics.export.OtlpDestination;
import io.tasker.metrics.export.RemoteWriteDestination;
import io.tasker.metrics.export.otlp.OtlpMetricsClient;
import io.tasker.metrics.export.remote.RemoteWriteClient;
import io.tasker.metrics.formats.ExpositionFormats;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The destination a configuration gives exports. A coordinated export (the scheduler, the
 * CLI's {@code export}) of {@code prometheus} goes to the remote write endpoint when
 * {@code telemetry.prometheus.endpoint} is set, because an operator who configured an endpoint wants the data pushed there;
 * every other format, and {@code prometheus} without an endpoint, goes to a timestamped file in
 * {@code telemetry.export_directory}. {@code remote_write} asks for the endpoint explicitly;
 * {@code otlp} sends OTLP metrics to the configured OTLP receiver.
 *
 * <pre>{@code
 * ExportDestination d = ExportDestinations.forConfig(config, null, Clock.SYSTEM);
 * }</pre>
 */
public final class ExportDestinations {
    /** The format name that pushes to the remote write endpoint. */
    public static final String REMOTE_WRITE = RemoteWriteDestination.FORMAT;
    /** The format name that sends the cluster view as OTLP metrics ({@link OtlpMetricsConfig}). */
    public static final String OTLP = OtlpDestination.FORMAT;
    /** Every name {@link #forConfig} takes. */
    public static final List<String> NAMES = Stream.concat(
                    ExpositionFormats.NAMES.stream(), Stream.of(REMOTE_WRITE, OTLP))
            .toList();

    private ExportDestinations() {}

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
        if (f.equals(OTLP)) {
            return otlp(config);
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
        return config.remoteWrite().configured();
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
        return new RemoteWriteDestination(
                new RemoteWriteClient(config.remoteWrite().settings(config.delivery())));
    }

    /**
     * The OTLP metrics destination of the configuration: the standard {@code OTEL_EXPORTER_OTLP_*}
     * settings, or {@code telemetry.otlp.endpoint} (default {@code http://127.0.0.1:4318}) plus
     * {@code /v1/metrics}.
     *
     * @param config the configuration
     * @return a destination that sends the view as OTLP metrics
     * @throws IllegalArgumentException naming the variable or key whose value cannot be used
     */
    public static ExportDestination otlp(TaskerConfig config) {
        return new OtlpDestination(new OtlpMetricsClient(OtlpMetricsConfig.settings(config, System.getProperties())));
    }

    /**
     * Whether an OTLP receiver is plainly meant: {@code telemetry.metrics_format} is {@code otlp},
     * traces are on ({@code telemetry.enabled}), or an OTLP endpoint variable is set. The console
     * offers {@code otlp} in "Export now" then.
     *
     * @param config the configuration
     * @return true when the console should offer OTLP
     */
    public static boolean otlpConfigured(TaskerConfig config) {
        return OTLP.equalsIgnoreCase(config.telemetry().metricsFormat())
                || config.openTelemetry().enabled()
                || config.otel().containsKey("OTEL_EXPORTER_OTLP_ENDPOINT")
                || config.otel().containsKey("OTEL_EXPORTER_OTLP_METRICS_ENDPOINT");
    }

    /**
     * A timestamped file of {@code format} in the export directory, whatever the endpoint.
     *
     * @param config the configuration naming the export directory
     * @param format a file format's name
     * @param clock the clock the file name is stamped with
     * @return the destination
     */
    public static ExportDestination file(TaskerConfig config, String format, Clock clock) {
        return new FileDestination(
                ExpositionFormats.byName(format), config.telemetry().exportDirectory(), null, clock);
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
        if (format != null && format.trim().equalsIgnoreCase(OTLP)) {
            return Optional.of(OTLP);
        }
        return ExpositionFormats.canonical(format);
    }
}
