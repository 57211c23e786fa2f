package io.tasker.metrics.events;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** The checks every event record shares, so each compact constructor stays one line a field. */
final class Events {
    private Events() {}

    static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("An event's " + what + " must not be empty");
        }
        return value;
    }

    static Map<String, String> attributes(Map<String, String> attributes) {
        return attributes == null || attributes.isEmpty() ? Map.of() : Map.copyOf(attributes);
    }

    static Optional<Traceparent> traceparent(Optional<Traceparent> traceparent) {
        return traceparent == null ? Optional.empty() : traceparent;
    }

    static Duration duration(Duration duration, String what) {
        if (duration == null || duration.isNegative()) {
            throw new IllegalArgumentException("The duration of " + what + " must be zero or more, not " + duration);
        }
        return duration;
    }

    static int attempt(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("A step's attempt counts from 1, not " + attempt);
        }
        return attempt;
    }

    static <T> T require(T value, String what) {
        if (value == null) {
            throw new IllegalArgumentException("An event's " + what + " must be given");
        }
        return value;
    }
}
