package io.tasker.metrics.export;

import io.tasker.metrics.export.otlp.OtlpMetricsClient;
import io.tasker.metrics.export.otlp.OtlpMetricsResult;
import io.tasker.metrics.snapshot.MetricsSnapshot;
import java.io.IOException;

/**
 * The cluster view as OTLP metrics ({@code otlp}): a failed push is an {@link IOException} for
 * the coordinator to record and retry; a skipped one is a delivery that says why.
 *
 * <pre>{@code
 * ExportDestination d = new OtlpDestination(new OtlpMetricsClient(settings));
 * }</pre>
 */
public final class OtlpDestination implements ExportDestination {
    /** The format name: {@code tasker-metrics export --format otlp}. */
    public static final String FORMAT = "otlp";

    private final OtlpMetricsClient client;

    /**
     * A destination that pushes with this client.
     *
     * @param client the OTLP metrics client
     */
    public OtlpDestination(OtlpMetricsClient client) {
        this.client = client;
    }

    @Override
    public String describe() {
        return client.settings().endpoint().toString();
    }

    @Override
    public ExportFormat format() {
        return ExportFormat.OTLP;
    }

    @Override
    public Delivery deliver(MetricsSnapshot snapshot) throws IOException {
        OtlpMetricsResult r = client.push(snapshot);
        if (r.failed()) {
            throw new IOException(r.error());
        }
        return new Delivery(r.series(), r.sentBytes(), Math.max(1, r.attempts()), r.skipped() ? r.error() : null, null);
    }
}
