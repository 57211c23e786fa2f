package io.tasker.metrics.examples.verify;

import io.tasker.metrics.Clock;
import io.tasker.metrics.config.ConfigLoader;
import io.tasker.metrics.config.TaskerConfig;
import io.tasker.metrics.runtime.TaskerRuntime;
import java.util.Map;
import java.util.Optional;

/** What a service configured by its environment alone does: load, start on memory:, record, close. Run by {@link NoYamlTest}. */
public final class NoYamlMain {
    static final String DONE = "NoYamlMain: started, recorded and closed";

    private NoYamlMain() {}

    public static void main(String[] args) {
        TaskerConfig config = ConfigLoader.load(
                Optional.empty(), Map.of("TASKER_CACHE_URL", "memory:", "TASKER_INSTANCE_ID", "no-yaml"));
        try (TaskerRuntime runtime = TaskerRuntime.start(config, Clock.SYSTEM, TaskerRuntime.Mode.INSTANCE)) {
            runtime.registry().incrementCounter("task_executions_total", 1, "status", "success");
        }
        System.out.println(DONE);
    }
}
