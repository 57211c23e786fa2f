package io.tasker.metrics.events;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One moment in a task's life. Every event names its task (id and name), when it happened (read
 * from the publisher's injected clock, not from when a subscriber sees it), free attributes, and
 * optionally the W3C {@code traceparent} that joins a step run in another process to its task's
 * trace.
 *
 * <pre>{@code
 * publisher.publish(new TaskStarted("12345", "payment_processing", clock.instant(), Map.of(), Optional.empty()));
 * }</pre>
 */
public sealed interface TaskerEvent permits TaskEvent, StepEvent {
    /**
     * The kind of event, which decides who receives it.
     *
     * @return the event's type
     */
    EventType type();

    /**
     * The id of the task run the event belongs to.
     *
     * @return the id, not blank
     */
    String taskId();

    /**
     * The name of the task, as the metrics label it.
     *
     * @return the name, not blank
     */
    String taskName();

    /**
     * When it happened, as the publisher's clock read it.
     *
     * @return the event's time
     */
    Instant time();

    /**
     * Free attributes of the event.
     *
     * @return an unmodifiable map; empty for none
     */
    Map<String, String> attributes();

    /**
     * The W3C trace context that joins a step run elsewhere to its task's trace.
     *
     * @return the traceparent, or empty
     */
    Optional<Traceparent> traceparent();
}
