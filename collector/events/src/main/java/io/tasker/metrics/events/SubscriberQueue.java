package io.tasker.metrics.events;

import io.tasker.metrics.Clock;
import io.tasker.metrics.CounterSeries;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One subscriber's bounded queue and the thread that empties it into the handler. */
final class SubscriberQueue implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(SubscriberQueue.class);
    private static final long LOG_INTERVAL_MILLIS = 60_000;
    private static final int BATCH = 256;
    /** How often an idle consumer looks whether shutdown began. */
    private static final long IDLE_POLL_MILLIS = 50;

    private final EventSubscriber subscriber;
    private final EventRing queue;
    private final Clock clock;
    private final CounterSeries handled;
    private final CounterSeries dropped;
    private final CounterSeries errors;
    private final Thread thread;
    private final AtomicLong errorsSinceLog = new AtomicLong();
    private volatile boolean accepting = true;
    /** Set when shutdown gave up on this subscriber: its thread must not take or count anything more. */
    private volatile boolean abandoned;
    /** Events of the current batch not yet claimed for handling; shutdown claims what is left as dropped. */
    private final AtomicInteger pending = new AtomicInteger();
    /** Events taken from the ring and handled (or failed, or dropped at shutdown), for {@link #awaitIdle}. */
    private final AtomicLong processed = new AtomicLong();

    private long lastLogMillis = Long.MIN_VALUE;

    SubscriberQueue(EventSubscriber subscriber, int capacity, Clock clock, EventCounters counters) {
        this.subscriber = subscriber;
        this.queue = new EventRing(capacity);
        this.clock = clock;
        this.handled = counters.handled(subscriber.name());
        this.dropped = counters.dropped(subscriber.name());
        this.errors = counters.errors(subscriber.name());
        this.thread = new Thread(this, "tasker-events-" + subscriber.name());
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Never blocks: a full queue, or one shut down, drops the event and counts it. */
    void offer(TaskerEvent event) {
        if (!accepting || !queue.offer(event)) {
            dropped.inc();
        }
    }

    @Override
    public void run() {
        List<TaskerEvent> batch = new ArrayList<>(BATCH);
        try {
            while ((accepting || !queue.isEmpty()) && !abandoned) {
                TaskerEvent first = queue.poll(IDLE_POLL_MILLIS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                for (TaskerEvent next; batch.size() < BATCH && (next = queue.poll()) != null; ) {
                    batch.add(next);
                }
                pending.set(batch.size());
                handleAll(batch);
                batch.clear();
            }
            if (!abandoned) {
                closeSubscriber();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // Drain time is over; close() counts what is left.
        }
    }

    /**
     * Handles a batch, one claimed event at a time. When shutdown's time ran out meanwhile, the
     * rest counts as dropped exactly once: here if this thread sees the interrupt first, in
     * {@link #awaitDrained} if shutdown claims them first.
     */
    private void handleAll(List<TaskerEvent> batch) {
        for (int i = 0; i < batch.size(); i++) {
            if (Thread.currentThread().isInterrupted() || abandoned) {
                dropped.inc(pending.getAndSet(0));
                return;
            }
            if (!claim()) {
                return; // Shutdown took the rest of the batch and counted it.
            }
            handle(batch.get(i));
        }
    }

    private boolean claim() {
        for (int p = pending.get(); p > 0; p = pending.get()) {
            if (pending.compareAndSet(p, p - 1)) {
                return true;
            }
        }
        return false;
    }

    private void handle(TaskerEvent event) {
        try {
            subscriber.handle(event);
            handled.inc();
        } catch (RuntimeException | LinkageError | AssertionError e) {
            failed(e);
        }
        processed.lazySet(processed.get() + 1); // One writer: this thread.
    }

    /** Waits until every event accepted before the call has been handled; false on timeout. */
    boolean awaitIdle(long deadlineNanos) throws InterruptedException {
        long target = queue.accepted();
        while (processed.get() < target && thread.isAlive()) {
            if (System.nanoTime() > deadlineNanos) {
                return false;
            }
            Thread.sleep(1);
        }
        return processed.get() >= target;
    }

    private void closeSubscriber() {
        try {
            subscriber.close();
        } catch (RuntimeException | LinkageError e) {
            failed(e);
        }
    }

    /** Counts every error, but logs at most once a minute so a broken handler cannot flood the log. */
    private void failed(Throwable e) {
        errors.inc();
        long suppressed = errorsSinceLog.incrementAndGet();
        long now = clock.wallTimeMillis();
        if (lastLogMillis == Long.MIN_VALUE || now - lastLogMillis >= LOG_INTERVAL_MILLIS) {
            lastLogMillis = now;
            errorsSinceLog.set(0);
            LOG.warn(
                    "Event subscriber '{}' failed ({} error(s) since the last report); events go on to the others",
                    subscriber.name(),
                    suppressed,
                    e);
        }
    }

    /** From now on, events offered are dropped; the thread drains what is queued, then ends. */
    void stopAccepting() {
        accepting = false;
    }

    /** Waits up to the deadline for the queue to drain, then counts what is left as dropped. */
    void awaitDrained(long deadlineNanos) throws InterruptedException {
        long wait = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
        thread.join(Math.max(1, wait));
        if (thread.isAlive()) {
            thread.interrupt();
            thread.join(IDLE_POLL_MILLIS);
        }
        int left;
        if (thread.isAlive()) {
            // A handler that ignores the interrupt still holds the thread: it finishes the event in
            // hand and then stops, taking nothing more; the ring has one consumer, so only count.
            abandoned = true;
            left = queue.size() + pending.getAndSet(0);
        } else {
            left = queue.clear();
        }
        dropped.inc(left);
        if (left > 0) {
            LOG.warn(
                    "Event subscriber '{}' did not drain in time: {} event(s) dropped at shutdown",
                    subscriber.name(),
                    left);
        }
    }

    SubscriberStats stats() {
        return new SubscriberStats(
                subscriber.name(), (long) handled.value(), (long) dropped.value(), (long) errors.value(), queue.size());
    }

    String name() {
        return subscriber.name();
    }
}
