package io.tasker.metrics.events;

import io.tasker.metrics.Clock;
import io.tasker.metrics.MetricRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Hands each published event to the subscribers of its type, each through a bounded queue of its
 * own that a thread of its own empties, so that publishing never blocks, never slows down with a
 * slow subscriber, and never throws because of one.
 *
 * <pre>{@code
 * try (EventPublisher events = new EventPublisher(registry, PublisherOptions.defaults())) {
 *     events.subscribe(new MetricsSubscriber(registry));
 *     events.publish(new TaskStarted("12345", "payment_processing", clock.instant()));
 * }
 * }</pre>
 *
 * <p>An event type nobody subscribed to costs one array read and no allocation. Counts per
 * subscriber are collector metrics ({@code tasker_events_handled_total},
 * {@code tasker_events_dropped_total}, {@code tasker_event_handler_errors_total}) and
 * {@link #stats()}. {@link #close()} stops taking events and gives the queues
 * {@link PublisherOptions#drainTimeout()} in all to drain; what is left is counted as dropped.
 */
public final class EventPublisher implements AutoCloseable {
    private static final SubscriberQueue[] NONE = new SubscriberQueue[0];

    private final PublisherOptions options;
    private final Clock clock;
    private final EventCounters counters;
    private final List<SubscriberQueue> all = new CopyOnWriteArrayList<>();
    /** Subscribers by event type ordinal; replaced whole on subscribe, so publish reads it without a lock. */
    private volatile SubscriberQueue[][] byType = emptyIndex();

    private volatile boolean closed;

    /**
     * A publisher without subscribers yet.
     *
     * @param registry where the per-subscriber counters are defined; its clock paces the logging
     *     of handler errors
     * @param options queue capacity and drain timeout
     */
    public EventPublisher(MetricRegistry registry, PublisherOptions options) {
        this.options = options;
        this.clock = registry.options().clock();
        this.counters = new EventCounters(registry);
    }

    /**
     * Starts delivering the subscriber's event types to it. Names are unique: they label its counters.
     *
     * @param subscriber the subscriber, whose thread starts now
     * @return this publisher
     * @throws IllegalArgumentException for a second subscriber of the same name, or one that wants no events
     * @throws IllegalStateException after {@link #close()}
     */
    public synchronized EventPublisher subscribe(EventSubscriber subscriber) {
        if (closed) {
            throw new IllegalStateException("Event publisher is closed; subscribe before closing it");
        }
        String name = subscriber.name();
        if (name == null
                || name.isBlank()
                || all.stream().anyMatch(q -> q.name().equals(name))) {
            throw new IllegalArgumentException(
                    "Event subscriber name '" + name + "' is empty or taken; give each subscriber a unique name");
        }
        if (subscriber.subscribedTo().isEmpty()) {
            throw new IllegalArgumentException("Event subscriber '" + name + "' subscribes to no event type");
        }
        SubscriberQueue queue = new SubscriberQueue(subscriber, options.queueCapacity(), clock, counters);
        queue.start();
        all.add(queue);
        SubscriberQueue[][] index =
                Arrays.stream(byType).map(SubscriberQueue[]::clone).toArray(SubscriberQueue[][]::new);
        for (EventType type : subscriber.subscribedTo()) {
            SubscriberQueue[] old = index[type.ordinal()];
            SubscriberQueue[] grown = Arrays.copyOf(old, old.length + 1);
            grown[old.length] = queue;
            index[type.ordinal()] = grown;
        }
        byType = index;
        return this;
    }

    /**
     * Queues the event for every subscriber of its type; never blocks and never throws for a subscriber's sake.
     *
     * @param event the event to deliver
     */
    public void publish(TaskerEvent event) {
        for (SubscriberQueue queue : byType[event.type().ordinal()]) {
            queue.offer(event);
        }
    }

    /**
     * Whether anyone wants events of this type, for publishers that would rather not build an event for nobody.
     *
     * @param type the event type
     * @return true when at least one subscriber subscribed to it
     */
    public boolean hasSubscribers(EventType type) {
        return byType[type.ordinal()].length > 0;
    }

    /**
     * Waits until every subscriber has handled the events published before this call, for a
     * moment that must see their effects (the console's first sync after the demo's first round,
     * a test); publishing goes on meanwhile.
     *
     * @param timeout how long to wait in all
     * @return false if that took longer than {@code timeout}
     */
    public boolean awaitIdle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            for (SubscriberQueue queue : all) {
                if (!queue.awaitIdle(deadline)) {
                    return false;
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Each subscriber's counts, in the order they subscribed.
     *
     * @return one entry per subscriber
     */
    public List<SubscriberStats> stats() {
        List<SubscriberStats> stats = new ArrayList<>(all.size());
        for (SubscriberQueue queue : all) {
            stats.add(queue.stats());
        }
        return stats;
    }

    /** Stops taking events and lets every queue drain within the drain timeout, all queues together. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        long deadline = System.nanoTime() + options.drainTimeout().toNanos();
        try {
            all.forEach(SubscriberQueue::stopAccepting);
            for (SubscriberQueue queue : all) {
                queue.awaitDrained(deadline);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static SubscriberQueue[][] emptyIndex() {
        SubscriberQueue[][] index = new SubscriberQueue[EventType.values().length][];
        Arrays.fill(index, NONE);
        return index;
    }
}
