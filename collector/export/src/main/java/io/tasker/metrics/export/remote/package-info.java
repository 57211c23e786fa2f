/**
 * Prometheus remote write 1.0: a {@link io.tasker.metrics.export.remote.RemoteWriteClient} that
 * encodes a snapshot into protobuf {@code WriteRequest}s of at most {@code batch_size} series,
 * one request at a time, compresses and POSTs them with retries, basic auth and
 * {@code skip_if_unavailable}; its {@link io.tasker.metrics.export.remote.RemoteWriteSettings};
 * and a {@link io.tasker.metrics.export.RemoteWriteDestination} for the export coordinator. The
 * hand-written encoder lives in {@code io.tasker.metrics.export.remote.internal}.
 */
package io.tasker.metrics.export.remote;
