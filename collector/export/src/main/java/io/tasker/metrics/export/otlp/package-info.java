/**
 * The cluster view as OTLP metrics over HTTP: {@link io.tasker.metrics.export.otlp.OtlpMetricsClient}
 * sends {@code ExportMetricsServiceRequest}s (a hand-written protobuf encoder, cumulative
 * temporality) with remote write's retries and timeouts, to any OpenTelemetry Collector or
 * backend; {@link io.tasker.metrics.export.OtlpDestination} is the export destination {@code otlp}.
 */
package io.tasker.metrics.export.otlp;
