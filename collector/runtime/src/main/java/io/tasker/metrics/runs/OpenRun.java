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
    /** A run with more attempts than this keeps its first ones: memory stays bounded whatever a task does. */
    static final int MAX_STEPS = 100;

    private final String taskId;
    private final String taskName;
    private final Instant startedAt;
    private final String traceId;
    private final List<StepRun> steps = new ArrayList<>();

    OpenRun(TaskerEvent first, Instant startedAt) {
        this.taskId = first.taskId();
        this.taskName = first.taskName();
        this.startedAt = startedAt;
        // A started task has a trace id even without a caller (TraceIds), the one its span is sent under.
        this.traceId = first instanceof TaskStarted started ? TraceIds.task(started).traceId()
                : first.traceparent().map(p -> p.traceId()).orElse(null);
    }

    void stepStarted(StepEvent e) {
        if (find(e) < 0 && steps.size() < MAX_STEPS) {
            steps.add(new StepRun(e.stepName(), e.attempt(), RunStatus.RUNNING, e.time(), null, null, null, null));
        }
    }

    /** Ends the attempt; one whose start was not seen is added, started {@code duration} before its end. */
    <E extends StepEvent & Ending> void stepEnded(E e) {
        int i = find(e);
        Instant start = i >= 0 ? steps.get(i).startedAt() : e.time().minus(e.duration());
        StepRun done = new StepRun(e.stepName(), e.attempt(), e instanceof Failing ? RunStatus.FAILURE : RunStatus.SUCCESS,
                start, e.time(), e.duration().toMillis(), errorType(e), errorMessage(e));
        if (i >= 0) {
            steps.set(i, done);
        } else if (steps.size() < MAX_STEPS) {
            steps.add(done);
        }
    }

    <E extends TaskerEvent & Ending> TaskRun ended(E e, String instance) {
        RunStatus status = e instanceof Failing ? RunStatus.FAILURE : RunStatus.SUCCESS;
        return new TaskRun(taskId, taskName, instance, status, startedAt, e.time(), e.duration().toMillis(), traceId,
                errorType(e), errorMessage(e), steps);
    }

    TaskRun running(String instance, Instant now) {
        return new TaskRun(taskId, taskName, instance, RunStatus.RUNNING, startedAt, null,
                Duration.between(startedAt, now).toMillis(), traceId, null, null, steps);
    }

    private int find(StepEvent e) {
        for (int i = steps.size() - 1; i >= 0; i--) {
            StepRun s = steps.get(i);
            if (s.attempt() == e.attempt() && s.stepName().equals(e.stepName())) {
                return i;
            }
        }
        return -1;
    }

    private static String errorType(TaskerEvent e) {
        return e instanceof Failing f ? f.failure().type() : null;
    }

    private static String errorMessage(TaskerEvent e) {
        return e instanceof Failing f ? f.failure().message() : null;
    }
}
