package io.tasker.metrics.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.ManualClock;
import io.tasker.metrics.events.Failure;
import io.tasker.metrics.events.TaskFailed;
import io.tasker.metrics.events.TaskStarted;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Failed runs are kept by age (24 h by default) within the instance's byte bound, not by a count of 200. */
class FailedRunsKeptTest {
    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

    private static void fail(RecentRuns runs, String id, Instant at, String message) {
        runs.handle(new TaskStarted(id, "payment_processing", at.minusMillis(100)));
        runs.handle(new TaskFailed(
                id, "payment_processing", at, Duration.ofMillis(100), Failure.of("CardDeclined", message)));
    }

    private static List<String> ids(RecentRuns runs) {
        return runs.snapshot().stream().map(TaskRun::taskId).toList();
    }

    @Test
    void aFailedRunStaysForADayThoughHundredsFailedSinceThenGoesAfter() {
        ManualClock clock = new ManualClock(T0);
        RecentRuns runs = new RecentRuns(RunsOptions.defaults(), clock);
        fail(runs, "first", clock.instant(), "declined");
        for (int i = 0; i < 500; i++) { // More than the 200 the count used to keep, well within the bytes.
            clock.advance(Duration.ofMinutes(2));
            fail(runs, "later-" + i, clock.instant(), "declined");
        }
        assertTrue(ids(runs).contains("first"), "16 hours and 500 failures later");
        clock.advance(Duration.ofHours(8).plusMinutes(1));
        List<String> kept = ids(runs);
        assertTrue(!kept.contains("first"), "gone after 24 hours");
        assertTrue(kept.contains("later-499"));
        kept.forEach(id -> assertTrue(!id.equals("later-0"), "every run older than a day is gone"));
    }

    @Test
    void theByteBoundKeepsTheNewestWhenFailuresComeFasterThanADayHolds() {
        ManualClock clock = new ManualClock(T0);
        RecentRuns runs = new RecentRuns(RunsOptions.defaults(), clock);
        String message = "x".repeat(RunLimits.TASK_MESSAGE_CHARS);
        for (int i = 0; i < 1000; i++) {
            clock.advance(Duration.ofSeconds(1));
            fail(runs, "run-" + i, clock.instant(), message);
        }
        List<TaskRun> kept = runs.snapshot();
        long bytes = kept.stream().mapToLong(RecentRuns::bytes).sum();
        assertTrue(bytes <= RunLimits.INSTANCE_BYTES, bytes + " bytes");
        assertTrue(kept.size() > 100 && kept.size() < 1000, kept.size() + " runs");
        assertEquals("run-999", kept.get(0).taskId(), "the newest first, kept");
        assertEquals("run-" + (1000 - kept.size()), kept.get(kept.size() - 1).taskId(), "the oldest went first");
    }

    @Test
    void theAgeIsConfigurableAndMustBePositive() {
        ManualClock clock = new ManualClock(T0);
        RecentRuns runs = new RecentRuns(new RunsOptions(50, 10_000, 1000, Duration.ofHours(1)), clock);
        fail(runs, "a", clock.instant(), "declined");
        clock.advance(Duration.ofMinutes(61));
        assertEquals(List.of(), ids(runs));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new RunsOptions(50, 200, 1000, Duration.ZERO));
        assertEquals("runs.keep_failed_for must be longer than zero, not PT0S", e.getMessage());
    }
}
