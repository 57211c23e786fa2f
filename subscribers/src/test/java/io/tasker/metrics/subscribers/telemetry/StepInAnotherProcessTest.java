package io.tasker.metrics.subscribers.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.events.TaskCompleted;
import io.tasker.metrics.events.TaskStarted;
import io.tasker.metrics.events.TraceIds;
import io.tasker.metrics.events.Traceparent;
import io.tasker.metrics.subscribers.Subscribers;
import io.tasker.metrics.testing.JavaProcess;
import io.tasker.metrics.testing.otlp.OtlpReceiver;
import io.tasker.metrics.testing.otlp.OtlpReceiver.ReceivedSpan;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A task started in this JVM and one of its steps run in a second JVM make one trace: the step's
 * span is the child of the task's span, the caller's tracestate travels along, and every span's
 * parent is in the trace but the caller's own.
 */
class StepInAnotherProcessTest {
    private static final String CALLER = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void theStepIsAChildOfItsTaskAcrossProcesses() throws Exception {
        try (OtlpReceiver receiver = OtlpReceiver.start()) {
            Map<String, String> env = TraceRun.env(receiver.baseUrl(), "OTEL_SERVICE_NAME", "task-runner");
            Instant start = Instant.now();
            TaskStarted started = new TaskStarted(
                    "77", "order_fulfillment", start, Map.of(), Optional.of(Traceparent.parse(CALLER, "vendor=abc")));
            Traceparent task = TraceIds.task(started);
            JavaProcess.Result worker;
            try (Subscribers events = Subscribers.start(TraceRun.config(env), env, new MetricRegistry())) {
                events.publisher().publish(started);
                worker = JavaProcess.run(
                        StepWorker.class,
                        List.of(),
                        List.of(receiver.baseUrl(), "77", task.toString(), task.tracestate()),
                        Map.of(),
                        Duration.ofSeconds(60));
                events.publisher()
                        .publish(new TaskCompleted(
                                "77", "order_fulfillment", start.plusSeconds(1), Duration.ofSeconds(1)));
            }
            assertEquals(0, worker.exitCode(), worker.output());

            List<ReceivedSpan> spans = receiver.spans();
            ReceivedSpan taskSpan = one(spans, "task order_fulfillment");
            ReceivedSpan stepSpan = one(spans, "step ship_order");
            assertEquals("task-runner", taskSpan.resourceAttribute("service.name"));
            assertEquals("step-worker", stepSpan.resourceAttribute("service.name"));
            assertEquals(task.traceId(), hex(stepSpan.span().getTraceId().toByteArray()));
            assertEquals(
                    hex(taskSpan.span().getSpanId().toByteArray()),
                    hex(stepSpan.span().getParentSpanId().toByteArray()),
                    "the step is the task's child");
            assertEquals(
                    task.spanId(), hex(taskSpan.span().getSpanId().toByteArray()), "the context the code was given");
            assertTrue(
                    worker.output()
                            .contains("downstream traceparent 00-" + task.traceId() + "-"
                                    + hex(stepSpan.span().getSpanId().toByteArray()) + "-01"),
                    worker.output());
            assertEquals("vendor=abc", stepSpan.span().getTraceState());

            Set<String> ids = spans.stream()
                    .map(s -> hex(s.span().getSpanId().toByteArray()))
                    .collect(Collectors.toSet());
            for (ReceivedSpan s : spans) {
                String parent = hex(s.span().getParentSpanId().toByteArray());
                assertTrue(
                        ids.contains(parent) || parent.equals("00f067aa0ba902b7"),
                        "missing parent of " + s.span().getName());
            }
        }
    }

    private static ReceivedSpan one(List<ReceivedSpan> spans, String name) {
        List<ReceivedSpan> named =
                spans.stream().filter(s -> s.span().getName().equals(name)).toList();
        assertEquals(1, named.size(), name + " in " + spans.size() + " spans");
        return named.get(0);
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
