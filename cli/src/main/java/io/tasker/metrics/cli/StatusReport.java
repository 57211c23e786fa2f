package io.tasker.metrics.cli;

import io.tasker.metrics.config.Durations;
import io.tasker.metrics.config.TaskerConfig;
import io.tasker.metrics.export.ExportRecord;
import io.tasker.metrics.export.ExportRetention;
import io.tasker.metrics.export.ExportTiming;
import io.tasker.metrics.runtime.StoreStatus;
import io.tasker.metrics.runtime.TaskerRuntime;
import io.tasker.metrics.store.StoreException;
import io.tasker.metrics.sync.ClusterView;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What {@code status} reports, gathered once and printed as text or JSON: what an operator's
 * {@code metrics_status} printed, plus the last sync and export and the next export.
 */
record StatusReport(
        String instanceId,
        String syncStrategy,
        String cacheStore,
        boolean cacheHealthy,
        String cacheError,
        int metricsCount,
        int seriesCount,
        List<String> liveInstances,
        long retiredGeneration,
        Instant lastSync,
        ExportRecord lastExport,
        Instant nextExport,
        String nextExportReason,
        Map<String, Boolean> capabilities,
        Map<String, String> telemetry,
        Map<String, String> prometheus,
        Map<String, String> cache,
        List<String> problems,
        List<ExportRecord> recentExports,
        String environment,
        ExportFiles exportFiles) {

    /**
     * The export directory as retention sees it, for {@code --verbose} and {@code --json}.
     *
     * @param directory the export directory
     * @param files export files in it now
     * @param oldest the oldest one's modification time, or null
     * @param retention how long they are kept ({@code telemetry.export_retention})
     * @param maxFiles how many at most ({@code telemetry.export_max_files})
     */
    record ExportFiles(String directory, int files, Instant oldest, String retention, int maxFiles) {
        static ExportFiles of(TaskerConfig config) {
            ExportRetention retention = config.export().retention();
            ExportRetention.Survey survey = retention.survey(config.telemetry().exportDirectory());
            return new ExportFiles(
                    config.telemetry().exportDirectory().toString(),
                    survey.files(),
                    survey.oldest(),
                    Durations.format(retention.maxAge()),
                    retention.maxFiles());
        }
    }

    static StatusReport gather(TaskerRuntime runtime) {
        StoreStatus store = runtime.storeStatus();
        TaskerConfig config = runtime.config();
        Map<String, String> telemetry = new LinkedHashMap<>();
        Map<String, String> prometheus = new LinkedHashMap<>();
        Map<String, String> cache = new LinkedHashMap<>();
        config.describe()
                .forEach((k, v) -> (k.startsWith("telemetry.prometheus.")
                                ? prometheus
                                : k.startsWith("cache.") ? cache : telemetry)
                        .put(k.substring(k.lastIndexOf('.') + 1), v));
        String id = runtime.instanceId();
        Map<String, Boolean> capabilities = (store.healthy() ? store.confirmed() : store.declared()).asMap();
        ExportFiles files = ExportFiles.of(config);
        // The store cannot be read: the settings and capabilities, nothing of the cluster.
        Function<String, StatusReport> unreachable = error -> new StatusReport(
                id,
                store.strategy().word(),
                store.description(),
                false,
                error,
                0,
                0,
                List.of(),
                0,
                null,
                null,
                null,
                null,
                capabilities,
                telemetry,
                prometheus,
                cache,
                List.of(),
                List.of(),
                config.environment(),
                files);
        if (!store.healthy()) {
            return unreachable.apply(store.error());
        }
        try {
            ClusterView view = runtime.cluster().readView();
            List<ExportRecord> exports = runtime.coordinator().history().list();
            ExportRecord last = exports.isEmpty() ? null : exports.get(0);
            ExportTiming.Plan plan = runtime.coordinator().plan();
            return new StatusReport(
                    id,
                    store.strategy().word(),
                    store.description(),
                    true,
                    null,
                    view.snapshot().families().size(),
                    view.snapshot().seriesCount(),
                    view.instances(),
                    view.retiredGeneration(),
                    runtime.cluster().lastClusterSync().orElse(null),
                    last,
                    plan.exportAt(),
                    plan.reason().words(),
                    capabilities,
                    telemetry,
                    prometheus,
                    cache,
                    view.problems(),
                    exports.subList(0, Math.min(10, exports.size())),
                    config.environment(),
                    files);
        } catch (StoreException e) {
            return unreachable.apply(e.getMessage());
        }
    }
}
