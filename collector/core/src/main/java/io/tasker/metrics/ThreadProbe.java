package io.tasker.metrics;

/**
 * A per-thread random number that picks a stripe on contended updates, and moves on when two
 * threads collide; the same idea as {@code LongAdder}'s probe, which the JDK keeps private.
 * Only the contended path pays for the thread-local lookup.
 */
final class ThreadProbe {
    private static final ThreadLocal<int[]> PROBE =
            ThreadLocal.withInitial(() -> new int[] {seed(Thread.currentThread().getId())});

    private ThreadProbe() {}

    static int get() {
        return PROBE.get()[0];
    }

    /** A new probe for this thread after a collision (xorshift). */
    static int advance() {
        int[] p = PROBE.get();
        int h = p[0];
        h ^= h << 13;
        h ^= h >>> 17;
        h ^= h << 5;
        p[0] = h;
        return h;
    }

    private static int seed(long id) {
        int h = (int) (id * 0x9E3779B97F4A7C15L >>> 32);
        return h == 0 ? 1 : h;
    }

    /** Stripes for contended series: enough for every core to have its own, a power of two. */
    static final int STRIPES =
            Integer.highestOneBit(Math.max(1, Math.min(64, Runtime.getRuntime().availableProcessors() * 2) - 1)) << 1;
}
