package io.tasker.metrics.export.remote.internal;

/**
 * One encoded {@code WriteRequest}, before compression.
 *
 * <pre>{@code
 * RemoteWriteBatch batch = new RemoteWriteEncoder(1000).batches(snapshot).next();
 * byte[] body = Compression.SNAPPY.compress(batch.protobuf());
 * }</pre>
 *
 * @param protobuf the request's protobuf bytes (owned by the caller from here on)
 * @param series its {@code TimeSeries}, one sample each
 * @param families the families its {@code MetricMetadata} describes: those with series in it
 */
public record RemoteWriteBatch(byte[] protobuf, int series, int families) {}
