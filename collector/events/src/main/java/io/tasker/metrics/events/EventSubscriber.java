package io.tasker.metrics.events;

import java.util.Set;

/**
 * Receives the lifecycle events of the types it names, one at a time on a thread of its own
 * (never the publisher's), in the order they were published.
 *
 * <pre>{@code
 * publisher.subscribe(new EventSubscriber() {
 *     public String name() { return "audit"; }
 *     public Set<EventType> subscribedTo() { return Set.of(EventType.TASK_FAILED); }
 *     public void handle(TaskerEvent event) { audit.write(event); }
 * });
 * }</pre>
 *
 * <p>A handler may be slow or throw: that never reaches the publisher. Events that arrive while
 * its queue is full are dropped and counted ({@code tasker_events_dropped_total{subscriber}});
 * exceptions are caught, counted ({@code tasker_event_handler_errors_total{subscriber}}) and
 * logged at most once a minute.
 */
public interface EventSubscriber {
    /**
     * A short, unique name: the {@code subscriber} label of its counters.
     *
     * @return the name, not blank
     */
    String name();

    /**
     * The event types to receive (the design document's {@code subscribe_to}).
     *
     * @return the types; not empty
     */
    Set<EventType> subscribedTo();

    /**
     * Handles one event, on the subscriber's own thread.
     *
     * @param event an event of one of the subscribed types
     */
    void handle(TaskerEvent event);

    /** Called once on the subscriber's thread after its queue has drained at shutdown, to flush. */
    default void close() {}
}
