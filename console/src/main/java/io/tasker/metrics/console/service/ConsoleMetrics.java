package io.tasker.metrics.console.service;

import io.tasker.metrics.Counter;
import io.tasker.metrics.Gauge;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.export.ExportRecord;
import io.tasker.metrics.snapshot.GaugePolicy;
import io.tasker.metrics.sync.SyncResult;

/**
 * The console's metrics about itself, so that Prometheus can alert on stale or failing exports
 * and failing syncs, so Prometheus can alert on them without kube-state-metrics.
 */
public final class ConsoleMetrics {
    private final Gauge lastExportSuccess;
    private final Counter exportFailures;
    private final Counter syncFailures;
    private final Gauge lastSyncSuccess;

    public ConsoleMetrics(MetricRegistry registry) {
        lastExportSuccess = Gauge.builder("tasker_metrics_last_export_success_timestamp_seconds")
                .help("Unix time of the last successful export the console knows of.")
                .policy(GaugePolicy.MAX)
                .register(registry);
        exportFailures = Counter.builder("tasker_metrics_export_failures_total")
                .help("Exports that failed, as the console saw them.")
                .register(registry);
        syncFailures = Counter.builder("tasker_metrics_sync_failures_total")
                .help("Syncs of the console's registry that failed.")
                .register(registry);
        // Per console instance (gauges keep their instance label), so the "instance stopped
        // syncing" alert sees which one froze.
        lastSyncSuccess = Gauge.builder("tasker_metrics_last_sync_success_timestamp_seconds")
                .help("Unix time of this console's last successful sync to the shared store.")
                .register(registry);
        exportFailures.inc(0);
        syncFailures.inc(0);
    }

    public void exported(ExportRecord r) {
        if (r.success()) {
            lastExportSuccess.set(Math.max(lastExportSuccess.value(), r.at().toEpochMilli() / 1000.0));
        } else if (r.outcome() == ExportRecord.Outcome.FAILED) {
            exportFailures.inc();
        }
    }

    public void synced(SyncResult r) {
        if (r.success()) {
            lastSyncSuccess.set(r.at().toEpochMilli() / 1000.0);
        } else {
            syncFailures.inc();
        }
    }
}
