package io.tasker.metrics.store.internal;

/**
 * A store whose conditional writes are read-modify-write loops (Memcached's {@code gets} then
 * {@code cas}) counts the races it lost and the attempts it retried, so that each sync can
 * report them.
 */
public interface ConflictCounting {
    /** Compare-and-set writes that found the value changed since it was read, so far. */
    long casConflicts();

    /** Attempts repeated after such a conflict, so far. */
    long casRetries();
}
