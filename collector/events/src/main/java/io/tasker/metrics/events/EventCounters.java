package io.tasker.metrics.events;

import io.tasker.metrics.Counter;
import io.tasker.metrics.CounterSeries;
import io.tasker.metrics.MetricRegistry;

/**
 * The publisher's own metrics, per subscriber: {@code tasker_events_handled_total},
 * {@code tasker_events_dropped_total} and {@code tasker_event_handler_errors_total}.
 */
final class EventCounters {
    private final Counter handled;
    private final Counter dropped;
    private final Counter errors;

    EventCounters(MetricRegistry registry) {
        handled = Counter.builder("events_handled_total")
                .help("Events a subscriber handled without error.")
                .labelNames("subscriber")
                .register(registry);
        dropped = Counter.builder("events_dropped_total")
                .help("Events dropped because a subscriber's queue was full or the publisher had shut down.")
                .labelNames("subscriber")
                .register(registry);
        errors = Counter.builder("event_handler_errors_total")
                .help("Exceptions thrown by a subscriber's handler.")
                .labelNames("subscriber")
                .register(registry);
    }

    CounterSeries handled(String subscriber) {
        return handled.labels(subscriber);
    }

    CounterSeries dropped(String subscriber) {
        return dropped.labels(subscriber);
    }

    CounterSeries errors(String subscriber) {
        return errors.labels(subscriber);
    }
}
