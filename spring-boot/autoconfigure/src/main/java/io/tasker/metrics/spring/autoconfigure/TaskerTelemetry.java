package io.tasker.metrics.spring.autoconfigure;

import io.opentelemetry.api.OpenTelemetry;
import io.tasker.metrics.Clock;
import io.tasker.metrics.subscribers.telemetry.TelemetrySdk;
import io.tasker.metrics.subscribers.telemetry.TelemetrySettings;
import io.tasker.metrics.subscribers.telemetry.TelemetrySubscriber;

/**
 * The trace subscriber and, when the application has no {@link OpenTelemetry} of its own, the
 * SDK started for it: closed after the subscriber, so that the last spans are flushed.
 *
 * @param subscriber the subscriber that turns events into spans
 * @param ownSdk the SDK started for it, or null when it uses the application's
 */
public record TaskerTelemetry(TelemetrySubscriber subscriber, TelemetrySdk ownSdk) implements AutoCloseable {
    private static final String TRACER = "io.tasker.metrics";

    /**
     * A subscriber on the application's OpenTelemetry, or on an OTLP/HTTP SDK of its own.
     *
     * @param settings the {@code telemetry.*} settings
     * @param application the application's OpenTelemetry, or null
     * @param clock the collector's clock
     * @return the subscriber with what it owns
     */
    public static TaskerTelemetry start(TelemetrySettings settings, OpenTelemetry application, Clock clock) {
        if (application != null) {
            return new TaskerTelemetry(
                    new TelemetrySubscriber(application.getTracer(TRACER), settings.options(), clock), null);
        }
        // The SDK configured as any OpenTelemetry Java application is (OTEL_* over telemetry.*).
        TelemetrySdk own = TelemetrySdk.start(settings);
        return new TaskerTelemetry(new TelemetrySubscriber(own.tracer(), settings.options(), clock), own);
    }

    /** Shuts down the SDK it started, flushing its spans; the application's own is left alone. */
    @Override
    public void close() {
        if (ownSdk != null) {
            ownSdk.close();
        }
    }
}
