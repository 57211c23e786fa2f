package io.tasker.metrics.config;

import java.time.Duration;

/**
 * What the event publisher reads ({@code events.*}).
 *
 * <pre>{@code
 * int capacity = config.events().queueCapacity();
 * }</pre>
 *
 * @param queueCapacity {@code events.queue_capacity}: events a subscriber may fall behind before further ones are dropped
 * @param drainTimeout {@code events.drain_timeout}: how long shutdown waits for the subscribers' queues
 */
public record EventsConfig(int queueCapacity, Duration drainTimeout) {}
