package io.tasker.metrics.console.browser;

import io.tasker.metrics.Clock;
import io.tasker.metrics.config.ConfigLoader;
import io.tasker.metrics.runtime.TaskerRuntime;
import java.util.Optional;

/**
 * A service instance in a JVM of its own for {@link InstanceLifecycleBrowserTest}: the runtime
 * configured from its environment (store, namespace, id, sync interval), one counter recorded and
 * synced, then it waits to be stopped. SIGTERM runs the runtime's shutdown hook (the final sync);
 * SIGKILL leaves it silent.
 */
public final class InstanceProcess {
    static final String SYNCED = "instance synced: ";

    private InstanceProcess() {}

    public static void main(String[] args) throws InterruptedException {
        TaskerRuntime runtime = TaskerRuntime.start(
                ConfigLoader.load(Optional.empty(), System.getenv()), Clock.SYSTEM, TaskerRuntime.Mode.INSTANCE);
        runtime.registry().incrementCounter("task_executions_total", 5, "status", "success", "task_name", "payment");
        runtime.collector().orElseThrow().syncNow();
        System.out.println(SYNCED + runtime.collector().orElseThrow().instanceId());
        System.out.flush();
        Thread.currentThread().join(); // Until a signal ends the JVM.
    }
}
