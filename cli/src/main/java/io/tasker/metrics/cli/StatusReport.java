package io.tasker.metrics.cli;

import io.tasker.metrics.config.TaskerConfig;
import io.tasker.metrics.export.ExportRecord;
import io.tasker.metrics.export.ExportTiming;
import io.tasker.metrics.runtime.StoreStatus;
import io.tasker.metrics.runtime.TaskerRuntime;
import io.tasker.metrics.store.StoreException;
import io.tasker.metrics.sync.ClusterView;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code status} reports, gathered once and printed as text or JSON: what an operator's
 * {@code metrics_status} printed, plus the last sync and export and the next export.
 */
record StatusReport(String instanceId, String syncStrategy, String cacheStore, boolean cacheHealthy, String cacheError,
                    int metricsCount, int seriesCount, List<String> liveInstances, long retiredGeneration,
                    Instant lastSync, ExportRecord lastExport, Instant nextExport, String nextExportReason,
                    Map<String, Boolean> capabilities, Map<String, String> telemetry, Map<String, String> prometheus,
                    Map<String, String> cache, List<String> problems, List<ExportRecord> recentExports,
                    String environment) {

    static StatusReport gather(TaskerRuntime runtime) {
        StoreStatus store = runtime.storeStatus();
        TaskerConfig config = runtime.config();
        Map<String, String> telemetry = new LinkedHashMap<>();
        Map<String, String> prometheus = new LinkedHashMap<>();
        Map<String, String> cache = new LinkedHashMap<>();
        config.describe().forEach((k, v) -> (k.startsWith("telemetry.prometheus.") ? prometheus
                : k.startsWith("cache.") ? cache : telemetry).put(k.substring(k.lastIndexOf('.') + 1), v));
        String id = runtime.instanceId();
        Map<String, Boolean> capabilities = (store.healthy() ? store.confirmed() : store.declared()).asMap();
        if (!store.healthy()) {
            return new StatusReport(id, store.strategy().word(), store.description(), false, store.error(), 0, 0,
                    List.of(), 0, null, null, null, null, capabilities, telemetry, prometheus, cache, List.of(), List.of(),
                    config.environment());
        }
        try {
            ClusterView view = runtime.cluster().readView();
            List<ExportRecord> exports = runtime.coordinator().history().list();
            ExportRecord last = exports.isEmpty() ? null : exports.get(0);
            ExportTiming.Plan plan = runtime.coordinator().plan();
            return new StatusReport(id, store.strategy().word(), store.description(), true, null,
                    view.snapshot().families().size(), view.snapshot().seriesCount(), view.instances(),
                    view.retiredGeneration(), runtime.cluster().lastClusterSync().orElse(null), last, plan.exportAt(),
                    plan.reason().words(), capabilities, telemetry, prometheus, cache, view.problems(),
                    exports.subList(0, Math.min(10, exports.size())), config.environment());
        } catch (StoreException e) {
            return new StatusReport(id, store.strategy().word(), store.description(), false, e.getMessage(), 0, 0,
                    List.of(), 0, null, null, null, null, capabilities, telemetry, prometheus, cache, List.of(), List.of(),
                    config.environment());
        }
    }
}
