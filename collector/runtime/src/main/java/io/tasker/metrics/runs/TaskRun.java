package io.tasker.metrics.runs;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;

/**
 * One task run as the console shows it: which instance ran it, when, how it ended, why it failed,
 * its trace (when the events carried a {@code traceparent}), and its step attempts in order
 * (the first {@link RunLimits#MAX_STEPS}; {@code stepsOmitted} counts those past them). Texts
 * are cut to {@link RunLimits}, the cut marked.
 *
 * <pre>{@code
 * List<TaskRun> failed = RunQuery.failed().apply(new RunsReader(store, keys).read(instances));
 * }</pre>
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TaskRun(String taskId, String taskName, String instance, RunStatus status, Instant startedAt,
                      Instant endedAt, Long durationMillis, String traceId, String errorType, String errorMessage,
                      List<StepRun> steps, int stepsOmitted) {
    public TaskRun {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    /**
     * A run that kept all its step attempts.
     *
     * @param taskId the task's id
     * @param taskName the task's name
     * @param instance the instance that ran it, or null while it is its own
     * @param status how it ended, or running
     * @param startedAt when it started
     * @param endedAt when it ended, or null
     * @param durationMillis how long it took (so far)
     * @param traceId its trace, or null
     * @param errorType why it failed, or null
     * @param errorMessage the error's message, or null
     * @param steps its step attempts in order
     */
    public TaskRun(String taskId, String taskName, String instance, RunStatus status, Instant startedAt, Instant endedAt,
                   Long durationMillis, String traceId, String errorType, String errorMessage, List<StepRun> steps) {
        this(taskId, taskName, instance, status, startedAt, endedAt, durationMillis, traceId, errorType, errorMessage,
                steps, 0);
    }

    /**
     * This run as listed by another instance than the one that recorded it.
     *
     * @param instanceId the instance whose list holds it
     * @return the run with that instance
     */
    public TaskRun withInstance(String instanceId) {
        return new TaskRun(taskId, taskName, instanceId, status, startedAt, endedAt, durationMillis, traceId, errorType,
                errorMessage, steps, stepsOmitted);
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
