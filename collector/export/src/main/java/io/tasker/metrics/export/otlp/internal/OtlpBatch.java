package io.tasker.metrics.export.otlp.internal;

/**
 * One encoded {@code ExportMetricsServiceRequest}.
 *
 * @param protobuf the request's bytes, uncompressed
 * @param series the data points in it
 * @param metrics the metric messages in it
 */
public record OtlpBatch(byte[] protobuf, int series, int metrics) {}
