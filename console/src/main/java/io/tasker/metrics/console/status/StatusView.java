package io.tasker.metrics.console.status;

import io.tasker.metrics.export.ExportRecord;
import io.tasker.metrics.export.ExportTiming;
import io.tasker.metrics.runtime.StoreStatus;
import io.tasker.metrics.sync.SyncResult;
import java.util.List;

/** The panels above the metric table: sync, export, recent history, cardinality. */
public record StatusView(
        SyncPanel sync,
        ExportPanel export,
        Staleness staleness,
        List<ExportRecord> recent,
        List<CardinalityRow> cardinality) {

    /**
     * The sync panel.
     *
     * @param message what the last "Sync now" did, or null
     */
    public record SyncPanel(StoreStatus store, SyncResult last, String instanceId, String message) {}

    /**
     * The export panel.
     *
     * @param next the next planned export, or null when the store cannot tell
     * @param justDone the export "Export now" just made, or null
     */
    public record ExportPanel(
            ExportRecord last, ExportTiming.Plan next, List<String> formats, String selected, ExportRecord justDone) {}

    /** Series per metric, and how many observations went to its overflow series. */
    public record CardinalityRow(String metric, String type, int series, long folded) {}
}
