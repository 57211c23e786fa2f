package io.tasker.metrics.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tasker.metrics.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ExportTimingTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T12:00:00Z"));
    private final ExportTiming timing =
            new ExportTiming(Duration.ofMinutes(5), Duration.ofMinutes(1), Duration.ofMinutes(2));

    @Test
    void exportsAsLateAsIsSafeWhenThereIsTime() {
        Instant expiry = timing.defaultExpiry(clock.instant());
        ExportTiming.Plan plan = timing.plan(clock.instant(), expiry);
        assertEquals(ExportTiming.Reason.OPTIMAL_TIMING, plan.reason());
        assertEquals(Instant.parse("2026-01-01T12:02:00Z"), plan.exportAt(), "expiry 12:05 - 1 min - 2 min");
        assertEquals(Duration.ZERO, plan.extendBy());
    }

    @Test
    void extendsTheTtlByTheOverrunPlusTheSafetyMarginWhenLate() {
        Instant expiry = timing.defaultExpiry(clock.instant());
        clock.advance(Duration.ofMinutes(3).plusSeconds(30));
        ExportTiming.Plan plan = timing.plan(clock.instant(), expiry);
        assertEquals(ExportTiming.Reason.TTL_EXTENSION, plan.reason());
        assertEquals(clock.instant(), plan.exportAt());
        assertEquals(Duration.ofSeconds(90).plus(Duration.ofMinutes(1)), plan.extendBy(), "90 s late, plus 1 min");
    }

    @Test
    void exactlyAtTheLatestStartIsLate() {
        Instant expiry = timing.defaultExpiry(clock.instant());
        clock.advance(Duration.ofMinutes(2));
        ExportTiming.Plan plan = timing.plan(clock.instant(), expiry);
        assertEquals(ExportTiming.Reason.TTL_EXTENSION, plan.reason());
        assertEquals(Duration.ofMinutes(1), plan.extendBy());
    }

    @Test
    void retryDelaysGrowAndAreCapped() {
        assertEquals(Duration.ofSeconds(30), ExportTiming.retryDelay(1));
        assertEquals(Duration.ofMinutes(1), ExportTiming.retryDelay(2));
        assertEquals(Duration.ofMinutes(2), ExportTiming.retryDelay(3));
        assertEquals(Duration.ofMinutes(4), ExportTiming.retryDelay(4));
        assertEquals(Duration.ofMinutes(8), ExportTiming.retryDelay(5));
        assertEquals(Duration.ofMinutes(10), ExportTiming.retryDelay(6));
        assertEquals(Duration.ofMinutes(10), ExportTiming.retryDelay(60));
    }

    @Test
    void anImpossibleWindowIsRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new ExportTiming(Duration.ofMinutes(2), Duration.ofMinutes(1), Duration.ofMinutes(1)));
    }
}
