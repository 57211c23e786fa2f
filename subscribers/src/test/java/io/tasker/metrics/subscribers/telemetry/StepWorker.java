package io.tasker.metrics.subscribers.telemetry;

import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.config.ConfigLoader;
import io.tasker.metrics.events.StepCompleted;
import io.tasker.metrics.events.StepStarted;
import io.tasker.metrics.events.TraceIds;
import io.tasker.metrics.events.Traceparent;
import io.tasker.metrics.subscribers.Subscribers;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A worker process that runs one step of a task another process started: it was handed the
 * task's context (the traceparent and tracestate headers) and publishes its step under it, then
 * prints the context it would pass on to its own downstream calls.
 * Arguments: OTLP endpoint, task id, task traceparent, task tracestate.
 */
public final class StepWorker {
    private StepWorker() {}

    public static void main(String[] args) {
        Map<String, String> env = Map.of(
                "TASKER_TELEMETRY_ENABLED",
                "true",
                "OTEL_EXPORTER_OTLP_ENDPOINT",
                args[0],
                "OTEL_SERVICE_NAME",
                "step-worker");
        Traceparent task = Traceparent.parse(args[2], args[3]);
        Instant start = Instant.now();
        try (Subscribers events =
                Subscribers.start(ConfigLoader.load(Optional.empty(), env), env, new MetricRegistry())) {
            events.publisher()
                    .publish(new StepStarted(
                            args[1], "order_fulfillment", "ship_order", 1, start, Map.of(), Optional.of(task)));
            System.out.println("downstream traceparent " + TraceIds.step(task, "ship_order", 1));
            events.publisher()
                    .publish(new StepCompleted(
                            args[1],
                            "order_fulfillment",
                            "ship_order",
                            1,
                            start.plusMillis(30),
                            Duration.ofMillis(30),
                            Map.of(),
                            Optional.of(task)));
        }
    }
}
