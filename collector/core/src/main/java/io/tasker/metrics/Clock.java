package io.tasker.metrics;

import java.time.Instant;

/**
 * The source of time for everything the collector stamps or schedules, injected so that tests
 * can move time by hand (see {@link ManualClock}), as Micrometer's {@code Clock} does.
 *
 * <pre>{@code
 * MetricRegistry registry = new MetricRegistry(RegistryOptions.defaults().withClock(Clock.SYSTEM));
 * }</pre>
 */
public interface Clock {
    /** The system's wall clock and monotonic timer. */
    Clock SYSTEM = new Clock() {
        @Override
        public long wallTimeMillis() {
            return System.currentTimeMillis();
        }

        @Override
        public long monotonicNanos() {
            return System.nanoTime();
        }
    };

    /**
     * Milliseconds since the epoch, for timestamps that people and other processes read.
     *
     * @return the wall time in milliseconds
     */
    long wallTimeMillis();

    /**
     * Nanoseconds from an arbitrary origin, for durations.
     *
     * @return the monotonic time in nanoseconds
     */
    long monotonicNanos();

    /**
     * The wall time as an instant.
     *
     * @return {@link #wallTimeMillis()} as an {@link Instant}
     */
    default Instant instant() {
        return Instant.ofEpochMilli(wallTimeMillis());
    }
}
