package io.tasker.metrics.events;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;

/**
 * A bounded queue for many publishing threads and one consumer, without locks: a publisher claims
 * a slot by advancing {@code tail} with a CAS, then fills it; the consumer empties slots in order.
 * It replaced an {@code ArrayBlockingQueue}, whose single lock made publishers park behind the
 * consumer's drain (0.66 million events/s in EventThroughputBenchmark). The consumer spins a
 * little, then parks; a publisher wakes it only when it says it is parked, so a busy pair never
 * makes a system call.
 */
final class EventRing {
    private static final int SPINS = 256;

    private final AtomicReferenceArray<TaskerEvent> slots;
    private final int mask;
    private final int capacity;
    private final AtomicLong tail = new AtomicLong();
    private final AtomicLong head = new AtomicLong();
    private final AtomicBoolean parked = new AtomicBoolean();
    private volatile Thread consumer;

    EventRing(int capacity) {
        this.capacity = capacity;
        int size = Integer.highestOneBit(Math.max(1, capacity - 1)) << 1;
        this.slots = new AtomicReferenceArray<>(Math.max(2, size));
        this.mask = slots.length() - 1;
    }

    /** False when {@code capacity} events are waiting already. */
    boolean offer(TaskerEvent event) {
        long t;
        do {
            t = tail.get();
            if (t - head.get() >= capacity) {
                return false;
            }
        } while (!tail.compareAndSet(t, t + 1));
        slots.set((int) (t & mask), event); // Volatile, so that the read of parked below cannot pass it.
        if (parked.get() && parked.compareAndSet(true, false)) {
            LockSupport.unpark(consumer);
        }
        return true;
    }

    /** The next event, or null when none is ready; for the one consumer thread only. */
    TaskerEvent poll() {
        long h = head.get();
        int i = (int) (h & mask);
        TaskerEvent event = slots.getAcquire(i);
        if (event == null) {
            return null; // Empty, or a publisher claimed the slot and is about to fill it.
        }
        slots.setRelease(i, null);
        head.set(h + 1);
        return event;
    }

    /** Waits up to {@code timeoutMillis} for an event: spins first, then parks until a publisher wakes it. */
    TaskerEvent poll(long timeoutMillis) throws InterruptedException {
        for (int i = 0; i < SPINS; i++) {
            TaskerEvent event = poll();
            if (event != null) {
                return event;
            }
            Thread.onSpinWait();
        }
        consumer = Thread.currentThread();
        parked.set(true);
        TaskerEvent event = poll(); // An event published before the flag was seen would not wake us.
        if (event == null) {
            LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(timeoutMillis));
            event = poll();
        }
        parked.set(false);
        if (Thread.interrupted()) {
            throw new InterruptedException("event consumer interrupted");
        }
        return event;
    }

    /** How many events were ever accepted; the consumer has seen them all once it has taken this many. */
    long accepted() {
        return tail.get();
    }

    int size() {
        return (int) Math.max(0, tail.get() - head.get());
    }

    boolean isEmpty() {
        return size() == 0;
    }

    /** Takes out everything waiting, for shutdown; returns how many. */
    int clear() {
        int n = 0;
        while (poll() != null) {
            n++;
        }
        return n;
    }
}
