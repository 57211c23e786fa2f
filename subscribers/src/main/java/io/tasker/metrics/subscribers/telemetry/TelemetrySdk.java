package io.tasker.metrics.subscribers.telemetry;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporterBuilder;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;

/**
 * The OpenTelemetry SDK for an application that lets Tasker set it up: spans batched and sent
 * by OTLP over HTTP (protobuf) with the JDK's HttpClient to the configured endpoint, under the
 * configured service name. Applications that set up their own SDK pass its tracer to
 * {@link TelemetrySubscriber} instead.
 *
 * <pre>{@code
 * try (OpenTelemetrySdk sdk = TelemetrySdk.start(settings)) { ... }
 * }</pre>
 */
public final class TelemetrySdk {
    private static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");

    private TelemetrySdk() {
    }

    /**
     * An SDK whose {@code close()} flushes the spans still batched and shuts the exporter down.
     *
     * @param settings the endpoint, headers and service name
     * @return the SDK; close it at shutdown
     */
    public static OpenTelemetrySdk start(TelemetrySettings settings) {
        OtlpHttpSpanExporterBuilder exporter = OtlpHttpSpanExporter.builder()
                .setEndpoint(settings.tracesEndpoint().toString());
        settings.headers().forEach(exporter::addHeader);
        SdkTracerProvider tracing = SdkTracerProvider.builder()
                .setResource(Resource.getDefault().merge(Resource.create(Attributes.of(SERVICE_NAME, settings.serviceName()))))
                .addSpanProcessor(BatchSpanProcessor.builder(exporter.build()).build())
                .build();
        return OpenTelemetrySdk.builder().setTracerProvider(tracing).build();
    }
}
