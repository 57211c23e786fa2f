/**
 * Prometheus remote write 1.0: a {@link io.tasker.metrics.export.remote.RemoteWriteClient} that
 * turns a snapshot into protobuf {@code WriteRequest}s of at most {@code batch_size} series, one
 * request at a time (with the encoder in {@code remote.internal}), compresses
 * and POSTs them with retries, basic auth and {@code skip_if_unavailable}; its
 * {@link io.tasker.metrics.export.remote.RemoteWriteSettings}; and a
 * {@link io.tasker.metrics.export.RemoteWriteDestination} for the export coordinator.
 */
package io.tasker.metrics.export.remote;
