package io.tasker.metrics.subscribers.telemetry;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigurationException;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.tasker.metrics.MetricRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The OpenTelemetry SDK for an application that lets Tasker set it up, built by the SDK's
 * autoconfigure from {@link TelemetrySettings}: spans batched by the {@code BatchSpanProcessor}
 * and sent by OTLP over HTTP (protobuf, or JSON) with the JDK's HttpClient, sampled, limited and
 * described ({@code OTEL_RESOURCE_ATTRIBUTES}) as the standard variables say. What becomes of the
 * spans is counted in the given registry ({@link SpanStats}), and the SDK's own logging goes
 * through SLF4J.
 *
 * <pre>{@code
 * try (TelemetrySdk sdk = TelemetrySdk.start(settings, registry)) {
 *     publisher.subscribe(new TelemetrySubscriber(sdk.tracer(), settings.options(), Clock.SYSTEM));
 * }
 * }</pre>
 */
public final class TelemetrySdk implements AutoCloseable {
    /** The instrumentation scope of our spans. */
    public static final String SCOPE = "io.tasker.metrics";
    /** How long {@link #close()} lets the last spans go out. */
    public static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);
    /** Our version, as the scope version of our spans ({@code scope.properties}, filtered by Maven). */
    public static final String SCOPE_VERSION = ScopeVersion.read();

    private static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");
    private static final AttributeKey<String> SERVICE_INSTANCE_ID = AttributeKey.stringKey("service.instance.id");

    private final OpenTelemetrySdk sdk;
    private final Resource resource;
    private final boolean disabled;
    private final SpanLoss loss;
    private final SdkSelfMetrics self;
    private final MetricRegistry registry;
    private final Runnable beforeSnapshot;

    private TelemetrySdk(
            OpenTelemetrySdk sdk,
            Resource resource,
            boolean disabled,
            SpanLoss loss,
            SdkSelfMetrics self,
            MetricRegistry registry) {
        this.sdk = sdk;
        this.resource = resource;
        this.disabled = disabled;
        this.loss = loss;
        this.self = self;
        this.registry = registry;
        this.beforeSnapshot = self::read;
        registry.beforeSnapshot(beforeSnapshot);
    }

    /**
     * Builds the SDK, counting into a registry of its own (tests, tools).
     *
     * @param settings the checked properties and our defaults
     * @return the running SDK
     * @throws IllegalArgumentException when the SDK refuses its configuration, with its reason
     */
    public static TelemetrySdk start(TelemetrySettings settings) {
        return start(settings, new MetricRegistry());
    }

    /**
     * Builds the SDK. Its {@link #close()} flushes the spans still batched and shuts the exporter down.
     *
     * @param settings the checked properties and our defaults
     * @param registry where the span counters go ({@code tasker_telemetry_*})
     * @return the running SDK
     * @throws IllegalArgumentException when the SDK refuses its configuration, with its reason
     */
    public static TelemetrySdk start(TelemetrySettings settings, MetricRegistry registry) {
        SdkLogging.route();
        SpanLoss loss = new SpanLoss(registry);
        SdkSelfMetrics self = new SdkSelfMetrics(loss);
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
                    .addSpanExporterCustomizer(
                            (exporter, config) -> new CountingSpanExporter(exporter(exporter, config, settings), loss))
                    .addMeterProviderCustomizer((meters, config) -> meters.registerMetricReader(self))
                    .addTracerProviderCustomizer((tracing, config) ->
                            tracing.addSpanProcessor(new EndedSpans(loss)).setIdGenerator(PresetIdGenerator.random()))
                    .disableShutdownHook()
                    .build();
            boolean disabled = configuration.get().getBoolean("otel.sdk.disabled", false);
            return new TelemetrySdk(auto.getOpenTelemetrySdk(), resource.get(), disabled, loss, self, registry);
        } catch (ConfigurationException e) {
            throw new IllegalArgumentException(
                    "OpenTelemetry configuration (OTEL_* variables, otel.* properties, " + "telemetry.* keys): "
                            + reason(e),
                    e);
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

    /**
     * Our service name and instance id where the standard variables give none: the instance id is
     * the one our metrics carry (the SDK would otherwise make up a random UUID).
     */
    private static Resource resource(Resource resource, ConfigProperties config, TelemetrySettings settings) {
        Map<String, String> given = config.getMap("otel.resource.attributes");
        Resource out = resource;
        if (config.getString("otel.service.name") == null && !given.containsKey(SERVICE_NAME.getKey())) {
            out = out.merge(Resource.create(Attributes.of(SERVICE_NAME, settings.serviceName())));
        }
        if (settings.instanceId() != null && !given.containsKey(SERVICE_INSTANCE_ID.getKey())) {
            out = out.merge(Resource.create(Attributes.of(SERVICE_INSTANCE_ID, settings.instanceId())));
        }
        return out;
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
     * @return the tracer of scope {@value #SCOPE} at our version
     */
    public Tracer tracer() {
        return sdk.tracerBuilder(SCOPE).setInstrumentationVersion(SCOPE_VERSION).build();
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

    /**
     * What became of the spans so far, read now.
     *
     * @return exported and dropped counts, and the queue
     */
    public SpanStats stats() {
        self.read();
        return loss.stats();
    }

    /** Flushes what is batched (within {@link #CLOSE_TIMEOUT}) and shuts the SDK down. */
    @Override
    public void close() {
        close(CLOSE_TIMEOUT);
    }

    /**
     * Flushes what is batched and shuts the SDK down; spans still queued when the time is up are
     * counted as dropped at {@code shutdown}.
     *
     * @param timeout how long the last spans may take to go out
     */
    public void close(Duration timeout) {
        sdk.getSdkTracerProvider().shutdown().join(timeout.toMillis(), TimeUnit.MILLISECONDS);
        self.read();
        loss.closed();
        registry.removeSnapshotHook(beforeSnapshot);
        sdk.getSdkMeterProvider().shutdown().join(1, TimeUnit.SECONDS);
        sdk.getSdkLoggerProvider().shutdown().join(1, TimeUnit.SECONDS);
    }
}
