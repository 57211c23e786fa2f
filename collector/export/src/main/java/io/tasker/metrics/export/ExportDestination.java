package io.tasker.metrics.export;

import io.tasker.metrics.snapshot.MetricsSnapshot;
import java.io.IOException;

/**
 * Where an export goes: files in the export directory, standard output, or Prometheus remote
 * write. One small interface per seam, as the writers have.
 */
public interface ExportDestination {
    /**
     * Where, for the history and logs (a directory, {@code stdout}, a URL without credentials).
     *
     * @return the destination's description
     */
    String describe();

    /**
     * The format recorded in the history.
     *
     * @return such as {@link ExportFormat#JSON} or {@link ExportFormat#REMOTE_WRITE}
     */
    ExportFormat format();

    /**
     * Sends one snapshot.
     *
     * @param snapshot the view to export
     * @return what was sent
     * @throws IOException when it could not be written; the coordinator records and may retry it
     */
    Delivery deliver(MetricsSnapshot snapshot) throws IOException;

    /**
     * What a delivery did.
     *
     * @param series series sent
     * @param bytes bytes written or sent
     * @param attempts attempts made inside the destination (remote write retries on 5xx and 429)
     * @param skipped why nothing was sent although nothing failed (an unreachable endpoint with
     *     {@code skip_if_unavailable}), or null
     * @param location the file written, when there is one
     */
    record Delivery(long series, long bytes, int attempts, String skipped, String location) {}
}
