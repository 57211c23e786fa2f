package io.tasker.metrics.subscribers.telemetry;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigurationException;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The OpenTelemetry SDK for an application that lets Tasker set it up, built by the SDK's
 * autoconfigure from {@link TelemetrySettings}: spans batched by the {@code BatchSpanProcessor}
 * and sent by OTLP over HTTP (protobuf, or JSON) with the JDK's HttpClient, sampled, limited and
 * described ({@code OTEL_RESOURCE_ATTRIBUTES}) as the standard variables say.
 *
 * <pre>{@code
 * try (TelemetrySdk sdk = TelemetrySdk.start(settings)) {
 *     publisher.subscribe(new TelemetrySubscriber(sdk.tracer(), settings.options(), Clock.SYSTEM));
 * }
 * }</pre>
 */
public final class TelemetrySdk implements AutoCloseable {
    /** The instrumentation scope of our spans. */
    public static final String SCOPE = "io.tasker.metrics";
    private static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");

    private final OpenTelemetrySdk sdk;
    private final Resource resource;
    private final boolean disabled;

    private TelemetrySdk(OpenTelemetrySdk sdk, Resource resource, boolean disabled) {
        this.sdk = sdk;
        this.resource = resource;
        this.disabled = disabled;
    }

    /**
     * Builds the SDK. Its {@link #close()} flushes the spans still batched and shuts the exporter down.
     *
     * @param settings the checked properties and our defaults
     * @return the running SDK
     * @throws IllegalArgumentException when the SDK refuses its configuration, with its reason
     */
    public static TelemetrySdk start(TelemetrySettings settings) {
        // The resource and the final configuration are not public on the result: kept as they pass by.
        AtomicReference<Resource> resource = new AtomicReference<>();
        AtomicReference<ConfigProperties> configuration = new AtomicReference<>();
        try {
            AutoConfiguredOpenTelemetrySdk auto = AutoConfiguredOpenTelemetrySdk.builder()
                    .addPropertiesCustomizer(config -> settings.properties())
                    .addResourceCustomizer((r, config) -> {
                        configuration.set(config);
                        resource.set(resource(r, config, settings));
                        return resource.get();
                    })
                    .addSpanExporterCustomizer((exporter, config) -> exporter(exporter, config, settings))
                    .disableShutdownHook()
                    .build();
            boolean disabled = configuration.get().getBoolean("otel.sdk.disabled", false);
            return new TelemetrySdk(auto.getOpenTelemetrySdk(), resource.get(), disabled);
        } catch (ConfigurationException e) {
            throw new IllegalArgumentException("OpenTelemetry configuration (OTEL_* variables, otel.* properties, "
                    + "telemetry.* keys): " + reason(e), e);
        }
    }

    /** The SDK wraps what it did not expect ("Unexpected configuration error"): the innermost message says what. */
    private static String reason(Throwable e) {
        Throwable inner = e;
        while (inner.getCause() != null && inner.getCause().getMessage() != null) {
            inner = inner.getCause();
        }
        return inner == e ? e.getMessage() : e.getMessage() + ": " + inner.getMessage();
    }

    /** Our service name unless the standard variables give one. */
    private static Resource resource(Resource resource, ConfigProperties config, TelemetrySettings settings) {
        boolean named = config.getString("otel.service.name") != null
                || config.getMap("otel.resource.attributes").containsKey(SERVICE_NAME.getKey());
        return named ? resource : resource.merge(Resource.create(
                io.opentelemetry.api.common.Attributes.of(SERVICE_NAME, settings.serviceName())));
    }

    private static SpanExporter exporter(SpanExporter exporter, ConfigProperties config, TelemetrySettings settings) {
        if (settings.json() && exporter instanceof OtlpHttpSpanExporter) {
            exporter.shutdown();
            return OtlpJsonSpanExporter.create(config);
        }
        return exporter;
    }

    /**
     * The tracer our spans are made with.
     *
     * @return the tracer of scope {@value #SCOPE}
     */
    public Tracer tracer() {
        return sdk.getTracer(SCOPE);
    }

    /**
     * The resource every span carries.
     *
     * @return the resource autoconfigure built
     */
    public Resource resource() {
        return resource;
    }

    /**
     * Whether {@code OTEL_SDK_DISABLED} (or {@code -Dotel.sdk.disabled}) is true: then no span is worth making.
     *
     * @return true when the SDK is disabled
     */
    public boolean disabled() {
        return disabled;
    }

    /** Flushes what is batched (within 10 s) and shuts the SDK down. */
    @Override
    public void close() {
        sdk.getSdkTracerProvider().shutdown().join(10, TimeUnit.SECONDS);
        sdk.getSdkMeterProvider().shutdown().join(1, TimeUnit.SECONDS);
    }
}
