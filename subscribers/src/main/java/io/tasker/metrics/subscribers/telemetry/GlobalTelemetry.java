package io.tasker.metrics.subscribers.telemetry;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import java.util.Optional;

/**
 * An OpenTelemetry that someone else set up before us: the Java agent (which bridges the
 * application's {@code GlobalOpenTelemetry} to its own SDK), Spring Boot's starter, or the
 * application itself. When there is one, our spans go through it: one SDK, one resource, one
 * exporter, the agent's HTTP server spans and our task spans in the same traces. A second SDK
 * beside it sent the same {@code service.name} under two resources.
 */
public final class GlobalTelemetry {
    private GlobalTelemetry() {}

    /**
     * The OpenTelemetry registered globally, if any; never triggers one to be set up.
     *
     * @return the global instance, or empty when none is set
     */
    public static Optional<OpenTelemetry> find() {
        if (GlobalOpenTelemetry.isSet()) {
            return Optional.of(GlobalOpenTelemetry.getOrNoop());
        }
        // The agent answers get() with its bridge whether or not anything was set in this class loader.
        OpenTelemetry maybe = GlobalOpenTelemetry.getOrNoop();
        return maybe == OpenTelemetry.noop() ? Optional.empty() : Optional.of(maybe);
    }

    /**
     * Our tracer on an OpenTelemetry: scope {@value TelemetrySdk#SCOPE} at our version.
     *
     * @param openTelemetry the instance to make spans with
     * @return the tracer
     */
    public static Tracer tracer(OpenTelemetry openTelemetry) {
        return openTelemetry
                .tracerBuilder(TelemetrySdk.SCOPE)
                .setInstrumentationVersion(TelemetrySdk.SCOPE_VERSION)
                .build();
    }
}
