package io.tasker.metrics.events;

import java.time.Duration;

/**
 * How much each subscriber may fall behind ({@code queueCapacity} events) and how long
 * {@link EventPublisher#close()} waits for the queues to drain.
 *
 * <pre>{@code
 * new EventPublisher(registry, PublisherOptions.defaults().withQueueCapacity(65_536));
 * }</pre>
 *
 * @param queueCapacity events each subscriber's queue holds before new ones are dropped
 * @param drainTimeout how long {@link EventPublisher#close()} waits, in all, for the queues to drain
 */
public record PublisherOptions(int queueCapacity, Duration drainTimeout) {
    /**
     * Checks the options.
     *
     * @param queueCapacity events per subscriber queue, from 1 to 16,777,216
     * @param drainTimeout the drain timeout; zero or more
     * @throws IllegalArgumentException for a value out of range
     */
    public PublisherOptions {
        if (queueCapacity < 1 || queueCapacity > 16_777_216) {
            throw new IllegalArgumentException(
                    "events.queue_capacity must be between 1 and 16777216, not " + queueCapacity);
        }
        if (drainTimeout == null || drainTimeout.isNegative()) {
            throw new IllegalArgumentException("events.drain_timeout must be zero or more, not " + drainTimeout);
        }
    }

    /**
     * 8192 events a subscriber, 5 seconds to drain.
     *
     * @return the default options
     */
    public static PublisherOptions defaults() {
        return new PublisherOptions(8192, Duration.ofSeconds(5));
    }

    /**
     * These options with another queue capacity.
     *
     * @param capacity events per subscriber queue
     * @return a copy with that capacity
     */
    public PublisherOptions withQueueCapacity(int capacity) {
        return new PublisherOptions(capacity, drainTimeout);
    }

    /**
     * These options with another drain timeout.
     *
     * @param timeout how long close waits for the queues
     * @return a copy with that timeout
     */
    public PublisherOptions withDrainTimeout(Duration timeout) {
        return new PublisherOptions(queueCapacity, timeout);
    }
}
