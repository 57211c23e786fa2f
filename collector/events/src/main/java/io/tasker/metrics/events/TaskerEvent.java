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
    /** The kind of event, which decides who receives it. */
    EventType type();

    /** The id of the task run the event belongs to, unique per run. */
    String taskId();

    /** The task's name, the same for every run of it: what metrics are labelled with. */
    String taskName();

    /** When it happened. */
    Instant time();

    /** Attributes the application adds (they become span attributes, masked when secret). */
    Map<String, String> attributes();

    /** The W3C trace context the task was started under, when the application has one. */
    Optional<Traceparent> traceparent();
}
