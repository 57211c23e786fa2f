package io.tasker.metrics.events;

/**
 * One subscriber's counts since the publisher started: events handled, dropped because its queue
 * was full (or arrived after shutdown), handler errors, and events waiting now.
 *
 * @param subscriber the subscriber's name
 * @param handled events handled
 * @param dropped events dropped because its queue was full or closed
 * @param errors events whose handler threw
 * @param queued events waiting in its queue now
 */
public record SubscriberStats(String subscriber, long handled, long dropped, long errors, int queued) {}
