package io.tasker.metrics.runs;

import io.tasker.metrics.Clock;
import io.tasker.metrics.events.Ending;
import io.tasker.metrics.events.EventSubscriber;
import io.tasker.metrics.events.EventType;
import io.tasker.metrics.events.StepCompleted;
import io.tasker.metrics.events.StepEvent;
import io.tasker.metrics.events.StepFailed;
import io.tasker.metrics.events.TaskCompleted;
import io.tasker.metrics.events.TaskFailed;
import io.tasker.metrics.events.TaskerEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

/**
 * This instance's recent task runs, kept from the lifecycle events: the last
 * {@link RunsOptions#keepSuccessful()} successful runs, the failed ones that ended within
 * {@link RunsOptions#keepFailedFor()} (24 hours) as long as they fit in
 * {@link RunLimits#INSTANCE_BYTES} (what the instance writes to the store; the oldest go first)
 * and number at most {@link RunsOptions#keepFailed()}, and those still running (at most
 * {@link RunsOptions#maxOpen()}, the oldest forgotten first). Memory is bounded by those counts,
 * the byte bound and {@link RunLimits}.
 *
 * <pre>{@code
 * RecentRuns runs = new RecentRuns(RunsOptions.defaults(), clock);
 * publisher.subscribe(runs);
 * collector.attach(new RunsSync(store, keys, runs, clock));
 * }</pre>
 */
public final class RecentRuns implements EventSubscriber {
    private final RunsOptions options;
    private final Clock clock;
    private final LinkedHashMap<String, OpenRun> open = new LinkedHashMap<>();
    private final ArrayDeque<TaskRun> succeeded = new ArrayDeque<>();
    private final ArrayDeque<TaskRun> failed = new ArrayDeque<>();
    private long failedBytes;
    private long changes;

    /**
     * An empty list of runs; subscribe it to an event publisher to fill it.
     *
     * @param options how many runs of each kind to keep
     * @param clock the time source for the elapsed time of running ones
     */
    public RecentRuns(RunsOptions options, Clock clock) {
        this.options = options;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "runs";
    }

    @Override
    public Set<EventType> subscribedTo() {
        return EnumSet.of(
                EventType.TASK_STARTED,
                EventType.TASK_COMPLETED,
                EventType.TASK_FAILED,
                EventType.STEP_STARTED,
                EventType.STEP_COMPLETED,
                EventType.STEP_FAILED);
    }

    @Override
    public synchronized void handle(TaskerEvent event) {
        changes++;
        switch (event.type()) {
            case TASK_STARTED -> open(event);
            case STEP_STARTED -> open(event).stepStarted((StepEvent) event);
            case STEP_COMPLETED -> open(event).stepEnded((StepCompleted) event);
            case STEP_FAILED -> open(event).stepEnded((StepFailed) event);
            case TASK_COMPLETED -> keep(succeeded, options.keepSuccessful(), end((TaskCompleted) event));
            case TASK_FAILED -> keepFailed(end((TaskFailed) event));
            default -> changes--; // Not subscribed to.
        }
    }

    /** The run this event belongs to, opened now if its start was not seen. */
    private OpenRun open(TaskerEvent event) {
        OpenRun run = open.get(event.taskId());
        if (run == null) {
            run = new OpenRun(event, event.time().minus(event instanceof Ending e ? e.duration() : Duration.ZERO));
            open.put(event.taskId(), run);
            Iterator<String> oldest = open.keySet().iterator();
            while (open.size() > options.maxOpen()) {
                oldest.next();
                oldest.remove();
            }
        }
        return run;
    }

    private <E extends TaskerEvent & Ending> TaskRun end(E event) {
        OpenRun run = open.remove(event.taskId());
        if (run == null) {
            run = new OpenRun(event, event.time().minus(event.duration()));
        }
        return run.ended(event, null);
    }

    private static void keep(ArrayDeque<TaskRun> ring, int size, TaskRun run) {
        ring.addFirst(run);
        while (ring.size() > size) {
            ring.removeLast();
        }
    }

    private void keepFailed(TaskRun run) {
        failed.addFirst(run);
        failedBytes += bytes(run);
        // The newest always stays: one run is cut to fit by RunLimits already.
        while (failed.size() > 1 && (failed.size() > options.keepFailed() || failedBytes > RunLimits.INSTANCE_BYTES)) {
            failedBytes -= bytes(failed.removeLast());
        }
        expireFailed();
    }

    /** Failed runs that ended longer ago than {@link RunsOptions#keepFailedFor()} go, oldest first. */
    private void expireFailed() {
        Instant cutoff = clock.instant().minus(options.keepFailedFor());
        while (!failed.isEmpty() && ended(failed.peekLast()).isBefore(cutoff)) {
            failedBytes -= bytes(failed.removeLast());
        }
    }

    private static Instant ended(TaskRun run) {
        return run.endedAt() != null ? run.endedAt() : run.startedAt();
    }

    /**
     * About what the run takes in the store's JSON: its texts and a fixed share for the rest, so
     * that the bound holds without encoding every run.
     */
    static long bytes(TaskRun run) {
        long n = 160L
                + length(run.taskId())
                + length(run.taskName())
                + length(run.instance())
                + length(run.traceId())
                + length(run.errorType())
                + length(run.errorMessage());
        for (StepRun s : run.steps()) {
            n += 96 + length(s.stepName()) + length(s.errorType()) + length(s.errorMessage());
        }
        return n;
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }

    /**
     * Every kept run, newest start first; running ones included.
     *
     * @return a new list of the runs
     */
    public synchronized List<TaskRun> snapshot() {
        expireFailed();
        List<TaskRun> all = new ArrayList<>(open.size() + succeeded.size() + failed.size());
        open.values().forEach(r -> all.add(r.running(null, clock.instant())));
        all.addAll(succeeded);
        all.addAll(failed);
        all.sort(Comparator.comparing(TaskRun::startedAt).reversed());
        return all;
    }

    /**
     * Grows with every event handled, so a writer can tell whether anything changed.
     *
     * @return the number of events handled so far
     */
    public synchronized long changes() {
        return changes;
    }
}
