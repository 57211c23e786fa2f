package io.tasker.metrics.subscribers.telemetry;

import io.opentelemetry.api.trace.Span;
import java.util.HashMap;
import java.util.Map;

/** A task run whose root span is open, with its open step attempt spans by "step#attempt". */
final class OpenTask {
    final Span root;
    final long openedAtMillis;
    final Map<String, Span> steps = new HashMap<>();

    OpenTask(Span root, long openedAtMillis) {
        this.root = root;
        this.openedAtMillis = openedAtMillis;
    }

    static String stepKey(String stepName, int attempt) {
        return stepName + "#" + attempt;
    }
}
