package io.tasker.metrics.runs;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;

/**
 * One task run as the console shows it: which instance ran it, when, how it ended, why it failed,
 * its trace id (the one its span is sent under, {@code TraceIds}), and its step attempts in order.
 *
 * <pre>{@code
 * List<TaskRun> failed = RunQuery.failed().apply(new RunsReader(store, keys).read(instances));
 * }</pre>
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TaskRun(String taskId, String taskName, String instance, RunStatus status, Instant startedAt,
                      Instant endedAt, Long durationMillis, String traceId, String errorType, String errorMessage,
                      List<StepRun> steps) {
    public TaskRun {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    /** This run as listed by another instance than the one that recorded it. */
    public TaskRun withInstance(String instanceId) {
        return new TaskRun(taskId, taskName, instanceId, status, startedAt, endedAt, durationMillis, traceId, errorType,
                errorMessage, steps);
    }

    /** The step attempt that failed last, for "why did it fail"; null when none did. */
    public StepRun failingStep() {
        for (int i = steps.size() - 1; i >= 0; i--) {
            if (steps.get(i).status() == RunStatus.FAILURE) {
                return steps.get(i);
            }
        }
        return null;
    }
}
