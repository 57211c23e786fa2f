package io.tasker.metrics.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.ManualClock;
import io.tasker.metrics.events.Failure;
import io.tasker.metrics.events.StepFailed;
import io.tasker.metrics.events.StepStarted;
import io.tasker.metrics.events.TaskFailed;
import io.tasker.metrics.events.TaskStarted;
import io.tasker.metrics.store.CacheStore;
import io.tasker.metrics.store.KeyLayout;
import io.tasker.metrics.store.Record;
import io.tasker.metrics.store.memcached.MemcachedStore;
import io.tasker.metrics.testing.MemcachedServerExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Recent runs are bounded: 28 failed runs with 1 MB messages made {@code /api/runs} 28 MB and a
 * console's heap 264 MB, and at the defaults (200 failed runs, 100 steps each) an instance's list
 * could not be written to Memcached at all. Texts are cut with a mark, steps past the limit are
 * counted, and an instance's list stays within its byte budget, the newest runs kept.
 */
class RunBoundsTest {
    @RegisterExtension
    static final MemcachedServerExtension MEMCACHED = new MemcachedServerExtension();

    private static final Instant T0 = Instant.parse("2026-01-01T12:00:00Z");
    private static final String MEGABYTE = "m".repeat(1 << 20);

    @Test
    void aRunKeepsBoundedTextsWithTheCutMarked() {
        RecentRuns runs = new RecentRuns(RunsOptions.defaults(), new ManualClock(T0));
        String id = "i".repeat(1000);
        Failure huge = Failure.of("T".repeat(1000), MEGABYTE);
        runs.handle(new TaskStarted(id, "n".repeat(1000), T0));
        runs.handle(new StepStarted(id, "n".repeat(1000), "s".repeat(1000), 1, T0));
        runs.handle(new StepFailed(
                id, "n".repeat(1000), "s".repeat(1000), 1, T0.plusMillis(5), Duration.ofMillis(5), huge));
        runs.handle(new TaskFailed(id, "n".repeat(1000), T0.plusMillis(9), Duration.ofMillis(9), huge));
        TaskRun run = runs.snapshot().get(0);
        assertEquals(RunLimits.TASK_MESSAGE_CHARS, run.errorMessage().length());
        assertTrue(
                run.errorMessage().endsWith("… [cut from 1048576 characters]"),
                run.errorMessage().substring(4000));
        assertEquals(RunLimits.ERROR_TYPE_CHARS, run.errorType().length());
        assertEquals(RunLimits.NAME_CHARS, run.taskId().length());
        assertEquals(RunLimits.NAME_CHARS, run.taskName().length());
        assertEquals(1, run.steps().size(), "the step's end found its start under the cut name");
        assertEquals(RunLimits.NAME_CHARS, run.steps().get(0).stepName().length());
        assertEquals(
                RunLimits.STEP_MESSAGE_CHARS, run.steps().get(0).errorMessage().length());
    }

    @Test
    void aRunKeepsItsFirstStepsAndCountsTheOthers() {
        RecentRuns runs = new RecentRuns(RunsOptions.defaults(), new ManualClock(T0));
        runs.handle(new TaskStarted("retrying", "sync", T0));
        for (int attempt = 1; attempt <= 150; attempt++) {
            runs.handle(new StepStarted("retrying", "sync", "fetch", attempt, T0.plusMillis(attempt)));
        }
        TaskRun run = runs.snapshot().get(0);
        assertEquals(RunLimits.MAX_STEPS, run.steps().size());
        assertEquals(50, run.stepsOmitted());
    }

    @Test
    void theLargestAllowedRunsOfAnInstanceFitAMemcachedItemNewestFirst() throws Exception {
        // 200 failed runs at their worst: 100 failed step attempts each, every text past its bound.
        RecentRuns runs = new RecentRuns(RunsOptions.defaults(), new ManualClock(T0));
        Failure huge = Failure.of("java.lang.IllegalStateException", MEGABYTE);
        for (int r = 0; r < 200; r++) {
            String id = "run-" + r;
            Instant t = T0.plusSeconds(r);
            runs.handle(new TaskStarted(id, "payment_processing", t));
            for (int a = 1; a <= RunLimits.MAX_STEPS; a++) {
                runs.handle(new StepFailed(
                        id, "payment_processing", "charge_card", a, t.plusMillis(a), Duration.ofMillis(1), huge));
            }
            runs.handle(new TaskFailed(id, "payment_processing", t.plusMillis(500), Duration.ofMillis(500), huge));
        }
        KeyLayout keys = new KeyLayout("bounds" + UUID.randomUUID().toString().substring(0, 8));
        try (CacheStore store = MemcachedStore.open(MEMCACHED.url(), Duration.ofSeconds(5))) {
            new RunsSync(store, keys, runs, new ManualClock(T0)).write("svc-a", Duration.ofMinutes(5));
            Record stored = store.get(keys.runs("svc-a")).orElseThrow(() -> new AssertionError("nothing was written"));
            assertTrue(stored.data().length <= RunLimits.INSTANCE_BYTES, stored.data().length + " bytes");
            List<TaskRun> read = new RunsReader(store, keys).read(List.of("svc-a"));
            assertFalse(read.isEmpty());
            assertEquals("run-199", read.get(0).taskId(), "the newest run is kept");
            assertEquals(RunLimits.MAX_STEPS, read.get(0).steps().size());
        }
    }
}
