package io.tasker.metrics.runs;

import io.tasker.metrics.events.Ending;
import io.tasker.metrics.events.Failing;
import io.tasker.metrics.events.StepEvent;
import io.tasker.metrics.events.TaskStarted;
import io.tasker.metrics.events.TaskerEvent;
import io.tasker.metrics.events.TraceIds;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A task run being put together from its events, until its end makes it a {@link TaskRun}. */
final class OpenRun {
    private final String taskId;
    private final String taskName;
    private final Instant startedAt;
    private final String traceId;
    private final List<StepRun> steps = new ArrayList<>();
    /** Attempts past {@link RunLimits#MAX_STEPS}: memory stays bounded whatever a task does, and the run says so. */
    private int omitted;

    OpenRun(TaskerEvent first, Instant startedAt) {
        this.taskId = RunLimits.cut(first.taskId(), RunLimits.NAME_CHARS);
        this.taskName = RunLimits.cut(first.taskName(), RunLimits.NAME_CHARS);
        this.startedAt = startedAt;
        // A started task has a trace id even without a caller (TraceIds), the one its span is sent under.
        this.traceId = first instanceof TaskStarted started
                ? TraceIds.task(started).traceId()
                : first.traceparent().map(p -> p.traceId()).orElse(null);
    }

    void stepStarted(StepEvent e) {
        if (find(e) < 0 && room()) {
            steps.add(new StepRun(stepName(e), e.attempt(), RunStatus.RUNNING, e.time(), null, null, null, null));
        }
    }

    /** Ends the attempt; one whose start was not seen is added, started {@code duration} before its end. */
    <E extends StepEvent & Ending> void stepEnded(E e) {
        int i = find(e);
        Instant start = i >= 0 ? steps.get(i).startedAt() : e.time().minus(e.duration());
        StepRun done = new StepRun(
                stepName(e),
                e.attempt(),
                e instanceof Failing ? RunStatus.FAILURE : RunStatus.SUCCESS,
                start,
                e.time(),
                e.duration().toMillis(),
                errorType(e),
                errorMessage(e, RunLimits.STEP_MESSAGE_CHARS));
        if (i >= 0) {
            steps.set(i, done);
        } else if (room()) {
            steps.add(done);
        }
    }

    <E extends TaskerEvent & Ending> TaskRun ended(E e, String instance) {
        RunStatus status = e instanceof Failing ? RunStatus.FAILURE : RunStatus.SUCCESS;
        return new TaskRun(
                taskId,
                taskName,
                instance,
                status,
                startedAt,
                e.time(),
                e.duration().toMillis(),
                traceId,
                errorType(e),
                errorMessage(e, RunLimits.TASK_MESSAGE_CHARS),
                steps,
                omitted);
    }

    TaskRun running(String instance, Instant now) {
        return new TaskRun(
                taskId,
                taskName,
                instance,
                RunStatus.RUNNING,
                startedAt,
                null,
                Duration.between(startedAt, now).toMillis(),
                traceId,
                null,
                null,
                steps,
                omitted);
    }

    /** Whether a new attempt may be kept; one that may not is counted. */
    private boolean room() {
        if (steps.size() < RunLimits.MAX_STEPS) {
            return true;
        }
        omitted++;
        return false;
    }

    private int find(StepEvent e) {
        String name = stepName(e);
        for (int i = steps.size() - 1; i >= 0; i--) {
            StepRun s = steps.get(i);
            if (s.attempt() == e.attempt() && s.stepName().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static String stepName(StepEvent e) {
        return RunLimits.cut(e.stepName(), RunLimits.NAME_CHARS);
    }

    private static String errorType(TaskerEvent e) {
        return e instanceof Failing f ? RunLimits.cut(f.failure().type(), RunLimits.ERROR_TYPE_CHARS) : null;
    }

    private static String errorMessage(TaskerEvent e, int max) {
        return e instanceof Failing f ? RunLimits.cut(f.failure().message(), max) : null;
    }
}
