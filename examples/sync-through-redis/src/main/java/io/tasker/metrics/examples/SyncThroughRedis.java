package io.tasker.metrics.examples;

import io.tasker.metrics.Clock;
import io.tasker.metrics.Counter;
import io.tasker.metrics.config.ConfigLoader;
import io.tasker.metrics.config.TaskerConfig;
import io.tasker.metrics.runtime.TaskerRuntime;
import java.util.Optional;

/**
 * One instance of a service that syncs its metrics through Redis. Configured by the environment only:
 * {@code TASKER_CACHE_URL=redis://127.0.0.1:6379/0} and, optionally, {@code TASKER_INSTANCE_ID}.
 * Run it on several hosts (or twice, with two ids) and {@code tasker-metrics export-now} reads the sum.
 *
 * <p>Argument: how many task executions to record (default 100).
 */
public final class SyncThroughRedis {
    private SyncThroughRedis() {
    }

    public static void main(String[] args) {
        int executionCount = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        // tag::example[]
        // The store, the instance id and the sync interval come from the environment
        // (TASKER_CACHE_URL=redis://host:6379/0, TASKER_INSTANCE_ID) or a tasker.yml.
        TaskerConfig config = ConfigLoader.load(Optional.empty(), System.getenv());
        try (TaskerRuntime runtime = TaskerRuntime.start(config, Clock.SYSTEM, TaskerRuntime.Mode.INSTANCE)) {
            Counter executions = runtime.registry().counter("task_executions_total", "status", "task_name");
            for (int i = 0; i < executionCount; i++) {
                executions.labels("success", "payment_processing").inc();
            }
        } // Synced in the background every telemetry.sync_interval, and once more on close.
        // end::example[]
    }
}
