package io.tasker.metrics.spring.autoconfigure;

import io.tasker.metrics.runtime.MetricsCollector;
import io.tasker.metrics.runtime.StoreStatus;
import io.tasker.metrics.runtime.TaskerRuntime;
import io.tasker.metrics.sync.SyncResult;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The store's health as the collector last saw it (its probe or its last sync, at most
 * {@code telemetry.sync_interval} ago): UP while the store answers, DOWN while it does not, with
 * the store (password masked), the strategy, the capabilities and the last sync as details.
 * It reads what the background sync found, so a health check never waits on the store.
 *
 * <pre>{@code
 * GET /actuator/health  ->  {"components":{"tasker":{"status":"UP","details":{"strategy":"distributed_atomic",...}}}}
 * }</pre>
 */
public class TaskerHealthIndicator extends AbstractHealthIndicator {
    private final TaskerRuntime runtime;

    /**
     * Reports on a runtime's store.
     *
     * @param runtime the runtime whose store and sync are reported
     */
    public TaskerHealthIndicator(TaskerRuntime runtime) {
        super("Tasker Metrics health check failed");
        this.runtime = runtime;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        StoreStatus status = runtime.storeStatus();
        (status.healthy() ? builder.up() : builder.down())
                .withDetail("store", status.description())
                .withDetail("instance", runtime.instanceId())
                .withDetail("strategy", status.strategy().word())
                .withDetail("capabilities", status.confirmed().asMap())
                .withDetail("checkedAt", status.checkedAt().toString());
        if (status.error() != null) {
            builder.withDetail("error", status.error());
        }
        runtime.collector().flatMap(MetricsCollector::lastSync).ifPresent(last -> lastSync(builder, last));
    }

    private static void lastSync(Health.Builder builder, SyncResult last) {
        builder.withDetail("lastSync", last.at().toString())
                .withDetail("lastSyncSucceeded", last.success())
                .withDetail("seriesSynced", last.seriesSynced());
    }
}
