package io.tasker.metrics.subscribers.telemetry;

import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.config.ConfigLoader;
import io.tasker.metrics.config.TaskerConfig;
import io.tasker.metrics.events.EventPublisher;
import io.tasker.metrics.events.TaskCompleted;
import io.tasker.metrics.events.TaskStarted;
import io.tasker.metrics.subscribers.Subscribers;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Tasks published through {@link Subscribers} configured by a map of environment variables, as the console does. */
final class TraceRun {
    static final Instant T0 = TelemetrySubscriberTest.T0;

    private TraceRun() {}

    /** The variables of a test plus telemetry switched on and the receiver as endpoint unless the test sets one. */
    static Map<String, String> env(String endpoint, String... pairs) {
        Map<String, String> env = new HashMap<>();
        env.put("TASKER_TELEMETRY_ENABLED", "true");
        env.put("OTEL_EXPORTER_OTLP_ENDPOINT", endpoint);
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    static TaskerConfig config(Map<String, String> env) {
        return ConfigLoader.load(Optional.empty(), env);
    }

    /** Publishes through the wired subscribers, then closes them (drain, flush). */
    static Subscribers run(Map<String, String> env, MetricRegistry registry, Consumer<EventPublisher> work) {
        Subscribers events = Subscribers.start(config(env), env, registry);
        try (events) {
            work.accept(events.publisher());
        }
        return events;
    }

    /** {@code n} successful tasks of one second each, ids {@code task-0...}. */
    static void tasks(EventPublisher publisher, int n) {
        for (int i = 0; i < n; i++) {
            String id = "task-" + i;
            publisher.publish(new TaskStarted(id, "payment_processing", T0));
            publisher.publish(new TaskCompleted(id, "payment_processing", T0.plusSeconds(1), Duration.ofSeconds(1)));
        }
    }
}
