package io.tasker.metrics.events;

import java.time.Duration;

/**
 * How much each subscriber may fall behind ({@code queueCapacity} events) and how long
 * {@link EventPublisher#close()} waits for the queues to drain.
 *
 * <pre>{@code
 * new EventPublisher(registry, PublisherOptions.defaults().withQueueCapacity(65_536));
 * }</pre>
 */
public record PublisherOptions(int queueCapacity, Duration drainTimeout) {
    /** Checks the queue capacity (1 to 16,777,216 events) and the drain timeout. */
    public PublisherOptions {
        if (queueCapacity < 1 || queueCapacity > 16_777_216) {
            throw new IllegalArgumentException("events.queue_capacity must be between 1 and 16777216, not "
                    + queueCapacity);
        }
        if (drainTimeout == null || drainTimeout.isNegative()) {
            throw new IllegalArgumentException("events.drain_timeout must be zero or more, not " + drainTimeout);
        }
    }

    /** 8192 events a subscriber, 5 seconds to drain. */
    public static PublisherOptions defaults() {
        return new PublisherOptions(8192, Duration.ofSeconds(5));
    }

    /** These options with another queue capacity per subscriber. */
    public PublisherOptions withQueueCapacity(int capacity) {
        return new PublisherOptions(capacity, drainTimeout);
    }

    /** These options with another time to drain the queues at close. */
    public PublisherOptions withDrainTimeout(Duration timeout) {
        return new PublisherOptions(queueCapacity, timeout);
    }
}
