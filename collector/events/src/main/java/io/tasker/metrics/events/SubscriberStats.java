package io.tasker.metrics.events;

/**
 * One subscriber's counts since the publisher started: events handled, dropped because its queue
 * was full (or arrived after shutdown), handler errors, and events waiting now.
 */
public record SubscriberStats(String subscriber, long handled, long dropped, long errors, int queued) {
}
