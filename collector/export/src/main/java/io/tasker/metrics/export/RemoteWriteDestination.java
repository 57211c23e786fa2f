package io.tasker.metrics.export;

import io.tasker.metrics.export.remote.RemoteWriteClient;
import io.tasker.metrics.export.remote.RemoteWriteResult;
import io.tasker.metrics.snapshot.MetricsSnapshot;
import java.io.IOException;

/**
 * Remote write as an export destination: a failed push is an {@link IOException} for the
 * coordinator to record and retry; a skipped one is a delivery that says why.
 *
 * <pre>{@code
 * RemoteWriteClient client = new RemoteWriteClient(config.remoteWrite().settings(config.delivery()));
 * ExportDestination destination = new RemoteWriteDestination(client);
 * }</pre>
 */
public final class RemoteWriteDestination implements ExportDestination {
    /** The format name remote write exports are recorded under. */
    public static final String FORMAT = "remote_write";

    private final RemoteWriteClient client;

    /**
     * A destination that pushes each export through {@code client}.
     *
     * @param client the remote write client
     */
    public RemoteWriteDestination(RemoteWriteClient client) {
        this.client = client;
    }

    @Override
    public String describe() {
        return client.settings().shownEndpoint();
    }

    @Override
    public ExportFormat format() {
        return ExportFormat.REMOTE_WRITE;
    }

    @Override
    public Delivery deliver(MetricsSnapshot snapshot) throws IOException {
        RemoteWriteResult r = client.push(snapshot);
        if (r.failed()) {
            throw new IOException(r.error());
        }
        // An empty snapshot makes no request, but the coordinator counts the delivery as one attempt.
        return new Delivery(r.series(), r.sentBytes(), Math.max(1, r.attempts()), r.skipped() ? r.error() : null, null);
    }
}
