package io.tasker.metrics.console.service;

import io.tasker.metrics.runtime.MetricsCollector;
import io.tasker.metrics.runtime.StoreStatus;
import io.tasker.metrics.sync.SyncResult;
import java.time.Duration;
import java.util.Optional;

/** The console's collector: "Sync now", the store's status and the last sync. */
public final class SyncService {
    private final MetricsCollector collector;

    /** Feeds every sync of the collector (the background ones too) to the console's metrics. */
    public SyncService(MetricsCollector collector, ConsoleMetrics metrics) {
        this.collector = collector;
        collector.addSyncListener(metrics::synced);
    }

    public SyncResult syncNow() {
        return collector.syncNow();
    }

    public StoreStatus status() {
        return collector.storeStatus();
    }

    public Optional<SyncResult> last() {
        return collector.lastSync();
    }

    public String instanceId() {
        return collector.instanceId();
    }

    /** Whether syncs keep failing for the same reason (the failure threshold reached). */
    public boolean failing() {
        return collector.syncFailing();
    }

    /** The longest exports wait after the store lost its data: the instance timeout. */
    public Duration settle() {
        return collector.reader().options().instanceTimeout();
    }
}
