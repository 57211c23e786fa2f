package io.tasker.metrics.subscribers.telemetry;

import io.opentelemetry.exporter.internal.otlp.traces.TraceRequestMarshaler;
import io.opentelemetry.exporter.otlp.internal.HttpExporter;
import io.opentelemetry.exporter.otlp.internal.HttpExporterBuilder;
import io.opentelemetry.exporter.otlp.internal.OtlpConfigUtil;
import io.opentelemetry.exporter.otlp.internal.OtlpUserAgent;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.internal.StandardComponentId;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;

/**
 * OTLP/JSON over HTTP ({@code OTEL_EXPORTER_OTLP_PROTOCOL=http/json}). The SDK can write OTLP
 * JSON and its HTTP exporter can send it, but its autoconfigure offers only {@code grpc} and
 * {@code http/protobuf}; this exporter builds the SDK's own HTTP exporter with the same
 * configuration code autoconfigure uses (endpoint, headers, compression, timeout, TLS, retry),
 * switched to JSON. It leans on the SDK's internal classes, pinned by the OpenTelemetry version
 * in the parent pom; {@code OtlpStandardVariablesTest} fails if an upgrade moves them.
 */
final class OtlpJsonSpanExporter implements SpanExporter {
    private static final String DEFAULT_ENDPOINT = "http://localhost:4318/v1/traces";

    private final HttpExporter http;

    private OtlpJsonSpanExporter(HttpExporter http) {
        this.http = http;
    }

    /** An exporter configured like autoconfigure's {@code http/protobuf} one, from the same properties. */
    static OtlpJsonSpanExporter create(ConfigProperties config) {
        HttpExporterBuilder builder =
                new HttpExporterBuilder(StandardComponentId.ExporterType.OTLP_HTTP_SPAN_EXPORTER, DEFAULT_ENDPOINT);
        OtlpConfigUtil.configureOtlpExporterBuilder(
                OtlpConfigUtil.DATA_TYPE_TRACES,
                config,
                builder::setComponentLoader,
                builder::setEndpoint,
                builder::addConstantHeaders,
                builder::setCompression,
                builder::setTimeout,
                builder::setTrustManagerFromCerts,
                builder::setKeyManagerFromCerts,
                builder::setRetryPolicy,
                memoryMode -> {},
                builder::setInternalTelemetryVersion);
        OtlpUserAgent.addUserAgentHeader(builder::addConstantHeaders);
        return new OtlpJsonSpanExporter(builder.exportAsJson().build());
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        return http.export(TraceRequestMarshaler.create(spans), spans.size());
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return http.shutdown();
    }
}
