package io.tasker.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that moves only when told to, for tests of timing (export schedules, stale alerts).
 *
 * <pre>{@code
 * ManualClock clock = new ManualClock(Instant.parse("2026-01-01T12:00:00Z"));
 * clock.advance(Duration.ofMinutes(5));
 * }</pre>
 */
public final class ManualClock implements Clock {
    private final AtomicLong nanos = new AtomicLong();
    private final long originMillis;

    /**
     * A clock that reads {@code start} as wall time, and 0 as monotonic time, until advanced.
     *
     * @param start the wall time to start at
     */
    public ManualClock(Instant start) {
        this.originMillis = start.toEpochMilli();
    }

    @Override
    public long wallTimeMillis() {
        return originMillis + nanos.get() / 1_000_000L;
    }

    @Override
    public long monotonicNanos() {
        return nanos.get();
    }

    /**
     * Moves both the wall time and the monotonic time forward.
     *
     * @param by how far; not negative
     * @return this clock
     * @throws IllegalArgumentException for a negative duration
     */
    public ManualClock advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("A clock does not go back: " + by);
        }
        nanos.addAndGet(by.toNanos());
        return this;
    }
}
