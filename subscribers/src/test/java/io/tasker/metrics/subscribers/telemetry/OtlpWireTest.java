package io.tasker.metrics.subscribers.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.testing.otlp.OtlpReceiver;
import io.tasker.metrics.testing.otlp.OtlpReceiver.ReceivedSpan;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The real OTLP exporter, configured the way users configure it, against a real OTLP/HTTP receiver. */
class OtlpWireTest {
    @Test
    void task12345ArrivesAsOneTraceWithItsFailureByTheStandardVariables() throws Exception {
        try (OtlpReceiver receiver = OtlpReceiver.start()) {
            Map<String, String> env = TraceRun.env(
                    receiver.baseUrl(),
                    "OTEL_EXPORTER_OTLP_HEADERS",
                    "x-honeycomb-team=abc%20123",
                    "OTEL_SERVICE_NAME",
                    "payments");
            TraceRun.run(env, new MetricRegistry(), p -> TelemetrySubscriberTest.failingPayment(p::publish, "12345"));

            OtlpReceiver.Request first = receiver.requests().get(0);
            assertEquals("application/x-protobuf", first.contentType());
            assertEquals("abc 123", first.header("x-honeycomb-team"));
            List<ReceivedSpan> received = receiver.spans();
            assertEquals(4, received.size());
            assertEquals("payments", received.get(0).resourceAttribute("service.name"));

            ReceivedSpan rootSpan = received.stream()
                    .filter(s -> s.span().getName().equals("task payment_processing"))
                    .findFirst()
                    .orElseThrow();
            Span root = rootSpan.span();
            assertTrue(root.getParentSpanId().isEmpty());
            assertEquals("12345", rootSpan.attribute("tasker.task.id"));
            assertEquals(Status.StatusCode.STATUS_CODE_ERROR, root.getStatus().getCode());
            assertEquals("card declined for order 7", root.getStatus().getMessage());
            assertEquals("CardDeclined", rootSpan.attribute("error.type"));
            assertEquals("[MASKED]", rootSpan.attribute("tasker.param.card_token"));
            assertEquals(TelemetrySubscriberTest.nanos(TelemetrySubscriberTest.T0), root.getStartTimeUnixNano());

            List<ReceivedSpan> steps = received.stream()
                    .filter(s -> s.span().getName().startsWith("step "))
                    .toList();
            assertEquals(3, steps.size());
            for (ReceivedSpan step : steps) {
                assertEquals(root.getTraceId(), step.span().getTraceId());
                assertEquals(root.getSpanId(), step.span().getParentSpanId());
            }
            ReceivedSpan secondCharge = steps.stream()
                    .filter(s -> s.span().getName().equals("step charge_card")
                            && "2".equals(s.attribute("tasker.step.attempt")))
                    .findFirst()
                    .orElseThrow();
            assertEquals(
                    Status.StatusCode.STATUS_CODE_ERROR,
                    secondCharge.span().getStatus().getCode());
            Span.Event exception = secondCharge.span().getEvents(0);
            assertEquals("exception", exception.getName());
        }
    }

    @Test
    void scopeNameAndVersionAndTheInstanceIdOfOurMetrics() throws Exception {
        try (OtlpReceiver receiver = OtlpReceiver.start()) {
            TraceRun.run(
                    TraceRun.env(receiver.baseUrl(), "TASKER_INSTANCE_ID", "worker-7"),
                    new MetricRegistry(),
                    p -> TraceRun.tasks(p, 1));
            ReceivedSpan span = receiver.spans().get(0);
            assertEquals("io.tasker.metrics", span.scope().getScope().getName());
            assertEquals(TelemetrySdk.SCOPE_VERSION, span.scope().getScope().getVersion());
            assertTrue(TelemetrySdk.SCOPE_VERSION.matches("\\d+\\.\\d+\\.\\d+.*"), TelemetrySdk.SCOPE_VERSION);
            assertEquals("worker-7", span.resourceAttribute("service.instance.id"));
            assertEquals(Span.SpanKind.SPAN_KIND_CONSUMER, span.span().getKind());

            TraceRun.run(
                    TraceRun.env(
                            receiver.baseUrl(),
                            "TASKER_INSTANCE_ID",
                            "worker-7",
                            "OTEL_RESOURCE_ATTRIBUTES",
                            "service.instance.id=pod-abc"),
                    new MetricRegistry(),
                    p -> TraceRun.tasks(p, 1));
            assertEquals(
                    "pod-abc", receiver.spans().get(1).resourceAttribute("service.instance.id"), "the standard wins");
        }
    }
}
