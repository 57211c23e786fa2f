package io.tasker.metrics.console.dashboard;

import io.tasker.metrics.console.ConsoleContext;
import io.tasker.metrics.export.ExportRecord;
import io.tasker.metrics.export.ExportTiming;
import io.tasker.metrics.snapshot.MetricFamilySnapshot;
import io.tasker.metrics.snapshot.MetricsSnapshot;
import io.tasker.metrics.store.StoreException;
import java.util.ArrayList;
import java.util.List;

/** Builds the panels from the services, for full pages and for the fragments htmx swaps in. */
public final class StatusAssembler {
    private static final int RECENT = 10;

    private StatusAssembler() {
    }

    public static StatusView status(ConsoleContext c, String syncMessage, String format, ExportRecord justDone) {
        StatusView.SyncPanel sync = new StatusView.SyncPanel(c.sync().status(), c.sync().last().orElse(null),
                c.sync().instanceId(), syncMessage);
        String selected = format != null ? format : c.exports().defaultFormat();
        // The view first: if the store does not answer it, the plan is not asked of it as well.
        List<StatusView.CardinalityRow> cardinality = cardinality(c);
        ExportTiming.Plan plan = c.views().justFailed() ? null : c.exports().nextPlan().orElse(null);
        StatusView.ExportPanel export = new StatusView.ExportPanel(c.exports().last().orElse(null),
                plan, c.exports().exportFormats(), selected, justDone);
        List<ExportRecord> recent = c.exports().repository().page(null, null, 0, RECENT).rows();
        return new StatusView(sync, export, c.exports().staleness(), recent, cardinality);
    }

    private static List<StatusView.CardinalityRow> cardinality(ConsoleContext c) {
        List<StatusView.CardinalityRow> rows = new ArrayList<>();
        try {
            MetricsSnapshot view = c.views().get().snapshot();
            for (MetricFamilySnapshot f : view.families()) {
                rows.add(new StatusView.CardinalityRow(f.name(), f.type().word(), f.points().size(),
                        f.foldedObservations()));
            }
        } catch (StoreException e) {
            return List.of();
        }
        rows.sort((a, b) -> Integer.compare(b.series(), a.series()));
        return rows;
    }
}
