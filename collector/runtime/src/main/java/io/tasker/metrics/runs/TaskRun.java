package io.tasker.metrics.runs;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;

/**
 * One task run as the console shows it: which instance ran it, when, how it ended, why it failed,
 * its trace id (the one its span is sent under, {@code TraceIds}), and its step attempts in order
 * (the first {@link RunLimits#MAX_STEPS}; {@code stepsOmitted} counts those past them). Texts
 * are cut to {@link RunLimits}, the cut marked.
 *
 * <pre>{@code
 * List<TaskRun> failed = RunQuery.of("failed", null, null, null).apply(new RunsReader(store, keys).read(instances));
 * }</pre>
 *
 * @param taskId the run's task id
 * @param taskName the task's name
 * @param instance the instance that ran it, or null before it is labelled
 * @param status running, success or failure
 * @param startedAt when it began
 * @param endedAt when it ended, or null while running
 * @param durationMillis how long it took, or null while running
 * @param traceId the trace id from the events' {@code traceparent}, or null
 * @param errorType the error's type when it failed, or null
 * @param errorMessage the error's message when it failed, or null
 * @param steps its step attempts in order
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TaskRun(
        String taskId,
        String taskName,
        String instance,
        RunStatus status,
        Instant startedAt,
        Instant endedAt,
        Long durationMillis,
        String traceId,
        String errorType,
        String errorMessage,
        List<StepRun> steps,
        int stepsOmitted) {
    /**
     * Copies the steps; null steps become none.
     *
     * @param taskId the run's task id
     * @param taskName the task's name
     * @param instance the instance that ran it, or null
     * @param status running, success or failure
     * @param startedAt when it began
     * @param endedAt when it ended, or null
     * @param durationMillis how long it took, or null
     * @param traceId the trace id, or null
     * @param errorType the error's type, or null
     * @param errorMessage the error's message, or null
     * @param steps its step attempts in order, or null for none
     * @param stepsOmitted step attempts past {@link RunLimits#MAX_STEPS}, not kept
     */
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
    public TaskRun(
            String taskId,
            String taskName,
            String instance,
            RunStatus status,
            Instant startedAt,
            Instant endedAt,
            Long durationMillis,
            String traceId,
            String errorType,
            String errorMessage,
            List<StepRun> steps) {
        this(
                taskId,
                taskName,
                instance,
                status,
                startedAt,
                endedAt,
                durationMillis,
                traceId,
                errorType,
                errorMessage,
                steps,
                0);
    }

    /**
     * This run as listed by another instance than the one that recorded it.
     *
     * @param instanceId the instance whose list holds it
     * @return the run with that instance
     */
    public TaskRun withInstance(String instanceId) {
        return new TaskRun(
                taskId,
                taskName,
                instanceId,
                status,
                startedAt,
                endedAt,
                durationMillis,
                traceId,
                errorType,
                errorMessage,
                steps,
                stepsOmitted);
    }

    /**
     * The step attempt that failed last, for "why did it fail"; null when none did.
     *
     * @return the last failed step attempt, or null
     */
    public StepRun failingStep() {
        for (int i = steps.size() - 1; i >= 0; i--) {
            if (steps.get(i).status() == RunStatus.FAILURE) {
                return steps.get(i);
            }
        }
        return null;
    }
}
