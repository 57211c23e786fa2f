package io.tasker.metrics.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tasker.metrics.ManualClock;
import io.tasker.metrics.events.StepStarted;
import io.tasker.metrics.events.TaskFailed;
import io.tasker.metrics.events.TaskStarted;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecentRunsTest {
    private static final Instant T0 = Instant.parse("2026-01-01T12:00:00Z");
    private final ManualClock clock = new ManualClock(T0);

    @Test
    void aRunKeepsItsStepTimelineAndWhyItFailed() {
        RecentRuns runs = new RecentRuns(RunsOptions.defaults(), clock);
        Runs.run(runs::handle, "12345", T0, true);
        TaskRun run = runs.snapshot().get(0);
        assertEquals(RunStatus.FAILURE, run.status());
        assertEquals(400, run.durationMillis());
        assertEquals("CardDeclined", run.errorType());
        assertEquals(
                List.of(
                        "validate_payment#1 success 0+50",
                        "charge_card#1 failure 50+200",
                        "charge_card#2 failure 260+140"),
                run.steps().stream()
                        .map(s -> s.stepName() + "#" + s.attempt() + " "
                                + s.status().word() + " "
                                + Duration.between(T0, s.startedAt()).toMillis() + "+" + s.durationMillis())
                        .toList());
        assertEquals(2, run.failingStep().attempt());
    }

    @Test
    void failedRunsAreKeptLongerThanSuccessfulOnesAndNewestComeFirst() {
        RecentRuns runs = new RecentRuns(new RunsOptions(2, 3, 10), clock);
        for (int i = 0; i < 10; i++) {
            Runs.run(runs::handle, "ok-" + i, T0.plusSeconds(i), false);
            Runs.run(runs::handle, "bad-" + i, T0.plusSeconds(i).plusMillis(1), true);
        }
        assertEquals(
                List.of("bad-9", "ok-9", "bad-8", "ok-8", "bad-7"),
                runs.snapshot().stream().map(TaskRun::taskId).toList());
    }

    @Test
    void openRunsShowAsRunningAndAreBoundedAndAnEndWithoutStartStillCounts() {
        RecentRuns runs = new RecentRuns(new RunsOptions(5, 5, 2), clock);
        for (int i = 0; i < 4; i++) {
            runs.handle(new TaskStarted("open-" + i, "inventory_sync", T0.plusSeconds(i)));
        }
        runs.handle(new StepStarted("open-3", "inventory_sync", "fetch_inventory", 1, T0.plusSeconds(3)));
        clock.advance(Duration.ofSeconds(10));
        List<TaskRun> open = runs.snapshot();
        assertEquals(
                List.of("open-3", "open-2"), open.stream().map(TaskRun::taskId).toList(), "the oldest forgotten");
        assertEquals(RunStatus.RUNNING, open.get(0).status());
        assertEquals(7_000, open.get(0).durationMillis(), "running for 7 s by the clock");
        assertEquals(RunStatus.RUNNING, open.get(0).steps().get(0).status());
        assertNull(open.get(0).endedAt());

        runs.handle(new TaskFailed("lone", "inventory_sync", T0.plusSeconds(30), Duration.ofSeconds(5), Runs.DECLINED));
        TaskRun lone = runs.snapshot().get(0);
        assertEquals(T0.plusSeconds(25), lone.startedAt());
    }

    @Test
    void queriesFilterAndRefuseBadParametersByName() {
        RecentRuns runs = new RecentRuns(RunsOptions.defaults(), clock);
        Runs.run(runs::handle, "10001", T0, false);
        Runs.run(runs::handle, "10002", T0.plusSeconds(1), true);
        assertEquals(
                List.of("10002"),
                RunQuery.of("failed", null, null, null).apply(runs.snapshot()).stream()
                        .map(TaskRun::taskId)
                        .toList());
        assertEquals(
                List.of("10001"),
                RunQuery.of(null, "payment_processing", "0001", "5").apply(runs.snapshot()).stream()
                        .map(TaskRun::taskId)
                        .toList());
        assertEquals(
                "status must be one of success, failed, running; got 'broken'",
                assertThrows(IllegalArgumentException.class, () -> RunQuery.of("broken", null, null, null))
                        .getMessage());
        assertEquals(
                "limit must be a whole number, not 'ten'",
                assertThrows(IllegalArgumentException.class, () -> RunQuery.of(null, null, null, "ten"))
                        .getMessage());
    }
}
