package io.tasker.metrics.console.status;

import io.tasker.metrics.Clock;
import io.tasker.metrics.console.service.ExportService;
import io.tasker.metrics.console.service.SyncService;
import io.tasker.metrics.console.service.ViewCache;
import io.tasker.metrics.export.ExportRecord;
import io.tasker.metrics.export.ExportTiming;
import io.tasker.metrics.snapshot.MetricFamilySnapshot;
import io.tasker.metrics.snapshot.MetricsSnapshot;
import io.tasker.metrics.store.StoreException;
import io.tasker.metrics.sync.ClusterView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The console's state as every page shows it: the sync and export panels, the recent history,
 * cardinality and staleness. One place, so that the dashboard, the htmx fragments, the exports
 * page, the health report and the layout's banner never disagree.
 */
public final class StatusService {
    private static final int RECENT = 10;

    private final SyncService sync;
    private final ExportService exports;
    private final ViewCache views;
    private final Clock clock;
    private final Duration staleThreshold;

    /** @param staleThreshold how old the last successful export may get ({@code telemetry.stale_export_threshold}) */
    public StatusService(
            SyncService sync, ExportService exports, ViewCache views, Clock clock, Duration staleThreshold) {
        this.sync = sync;
        this.exports = exports;
        this.views = views;
        this.clock = clock;
        this.staleThreshold = staleThreshold;
    }

    /**
     * The panels; exports made elsewhere come in on the history tick, not here.
     *
     * @param syncMessage what "Sync now" just did, or null
     * @param format the format to show selected, or null for the default
     * @param justDone the export "Export now" just made, or null
     */
    public StatusView status(String syncMessage, String format, ExportRecord justDone) {
        StatusView.SyncPanel syncPanel =
                new StatusView.SyncPanel(sync.status(), sync.last().orElse(null), sync.instanceId(), syncMessage);
        String selected = format != null ? format : exports.defaultFormat();
        // The view first: if the store does not answer it, the plan is not asked of it as well.
        List<StatusView.CardinalityRow> cardinality = cardinality();
        ExportTiming.Plan plan = views.justFailed() ? null : exports.nextPlan().orElse(null);
        StatusView.ExportPanel export = new StatusView.ExportPanel(
                exports.last().orElse(null), plan, exports.exportFormats(), selected, justDone);
        List<ExportRecord> recent =
                exports.repository().page(null, null, 0, RECENT).rows();
        return new StatusView(syncPanel, export, staleness(), recent, cardinality);
    }

    /**
     * While the view is being written again after the store lost its data: since when, who has not
     * written yet, and when exports resume at the latest; empty otherwise, or when the view cannot
     * be read.
     */
    public Optional<String> recovery() {
        try {
            ClusterView view = views.get();
            if (!view.recovering(clock.instant(), sync.settle())) {
                return Optional.empty();
            }
            return Optional.of("The store lost its data at " + view.epochStarted() + "; the view is being written "
                    + "again and lacks what " + String.join(", ", view.awaiting()) + " recorded until "
                    + (view.awaiting().size() == 1 ? "it writes" : "they write")
                    + " again. Exports are held back until "
                    + "then, " + view.resumeAt(sync.settle()) + " at the latest.");
        } catch (StoreException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether the last successful export is older than the threshold (or there was none). A
     * record dated further ahead than clock skew explains (a wrong clock, or anyone who can write
     * the store) is left out: one such record would otherwise keep the alert quiet for as long
     * as it lies ahead.
     */
    public Staleness staleness() {
        Instant now = clock.instant();
        Optional<ExportRecord> last = exports.repository().lastSuccess(now.plus(ExportService.MAX_CLOCK_SKEW));
        if (last.isEmpty()) {
            return new Staleness(true, null, null, staleThreshold);
        }
        Duration age = Duration.between(last.get().at(), now);
        return new Staleness(age.compareTo(staleThreshold) > 0, last.get().at(), age, staleThreshold);
    }

    private List<StatusView.CardinalityRow> cardinality() {
        List<StatusView.CardinalityRow> rows = new ArrayList<>();
        try {
            MetricsSnapshot view = views.get().snapshot();
            for (MetricFamilySnapshot f : view.families()) {
                rows.add(new StatusView.CardinalityRow(
                        f.name(), f.type().word(), f.points().size(), f.foldedObservations()));
            }
        } catch (StoreException e) {
            return List.of(); // The metric table says the store cannot be read; the panel stays empty.
        }
        rows.sort((a, b) -> Integer.compare(b.series(), a.series()));
        return rows;
    }
}
