package io.tasker.metrics.subscribers.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.tasker.metrics.Clock;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.config.ConfigLoader;
import io.tasker.metrics.events.EventPublisher;
import io.tasker.metrics.events.PublisherOptions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The real OTLP exporter, configured the way users configure it, against a real OTLP/HTTP receiver. */
class OtlpWireTest {
    @Test
    void task12345ArrivesAsOneTraceWithItsFailureByTheStandardVariables() throws Exception {
        try (OtlpReceiver receiver = new OtlpReceiver()) {
            Map<String, String> env = Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.baseUrl(),
                    "OTEL_EXPORTER_OTLP_HEADERS", "x-honeycomb-team=abc%20123", "OTEL_SERVICE_NAME", "payments",
                    "TASKER_TELEMETRY_ENABLED", "true");
            TelemetrySettings settings = TelemetrySettings.from(ConfigLoader.load(Optional.empty(), env), env);
            assertTrue(settings.enabled());
            assertEquals(receiver.baseUrl() + "/v1/traces", settings.tracesEndpoint().toString());
            try (OpenTelemetrySdk sdk = TelemetrySdk.start(settings);
                 EventPublisher publisher = new EventPublisher(new MetricRegistry(), PublisherOptions.defaults())) {
                publisher.subscribe(new TelemetrySubscriber(sdk.getTracer("tasker"), settings.options(), Clock.SYSTEM));
                TelemetrySubscriberTest.failingPayment(publisher::publish, "12345");
            } // The publisher drains first, then the SDK flushes its batch on close.

            assertFalse(receiver.received.isEmpty(), "the exporter sent nothing");
            OtlpReceiver.Received first = receiver.received.get(0);
            assertEquals("application/x-protobuf", first.contentType());
            assertEquals(List.of("abc 123"), first.headers().get("X-honeycomb-team"));
            List<ResourceSpans> resources = receiver.received.stream()
                    .flatMap(r -> r.request().getResourceSpansList().stream()).toList();
            assertEquals("payments", attribute(resources.get(0).getResource().getAttributesList(), "service.name"));
            List<Span> spans = resources.stream().flatMap(r -> r.getScopeSpansList().stream())
                    .flatMap(s -> s.getSpansList().stream()).toList();
            assertEquals(4, spans.size());

            Span root = spans.stream().filter(s -> s.getName().equals("task payment_processing")).findFirst().orElseThrow();
            assertTrue(root.getParentSpanId().isEmpty());
            assertEquals("12345", attribute(root.getAttributesList(), "tasker.task.id"));
            assertEquals(Status.StatusCode.STATUS_CODE_ERROR, root.getStatus().getCode());
            assertEquals("card declined for order 7", root.getStatus().getMessage());
            assertEquals("CardDeclined", attribute(root.getAttributesList(), "error.type"));
            assertEquals("[MASKED]", attribute(root.getAttributesList(), "tasker.param.card_token"));
            assertEquals(TelemetrySubscriberTest.nanos(TelemetrySubscriberTest.T0), root.getStartTimeUnixNano());

            List<Span> steps = spans.stream().filter(s -> s.getName().startsWith("step ")).toList();
            assertEquals(3, steps.size());
            for (Span step : steps) {
                assertEquals(root.getTraceId(), step.getTraceId());
                assertEquals(root.getSpanId(), step.getParentSpanId());
            }
            Span secondCharge = steps.stream().filter(s -> s.getName().equals("step charge_card")
                    && attributeLong(s.getAttributesList(), "tasker.step.attempt") == 2).findFirst().orElseThrow();
            assertEquals(Status.StatusCode.STATUS_CODE_ERROR, secondCharge.getStatus().getCode());
            Span.Event exception = secondCharge.getEvents(0);
            assertEquals("exception", exception.getName());
            assertEquals("CardDeclined", attribute(exception.getAttributesList(), "exception.type"));
            assertEquals("card declined for order 7", attribute(exception.getAttributesList(), "exception.message"));
        }
    }

    @Test
    void badEndpointsAndHeadersNameTheirSource() {
        Map<String, String> env = Map.of("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "collector:4318");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TelemetrySettings.from(ConfigLoader.load(Optional.empty(), env), env));
        assertTrue(e.getMessage().startsWith("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'collector:4318' must be an http:// or https://"),
                e.getMessage());
        Map<String, String> headers = Map.of("OTEL_EXPORTER_OTLP_HEADERS", "api-key");
        IllegalArgumentException h = assertThrows(IllegalArgumentException.class,
                () -> TelemetrySettings.from(ConfigLoader.load(Optional.empty(), headers), headers));
        assertTrue(h.getMessage().startsWith("telemetry.otlp.headers (or OTEL_EXPORTER_OTLP_HEADERS): entry 1 of 1 "
                + "is not key=value") && !h.getMessage().contains("api-key"), h.getMessage());
    }

    private static String attribute(List<KeyValue> attributes, String key) {
        return attributes.stream().filter(a -> a.getKey().equals(key)).findFirst().orElseThrow().getValue().getStringValue();
    }

    private static long attributeLong(List<KeyValue> attributes, String key) {
        return attributes.stream().filter(a -> a.getKey().equals(key)).findFirst().orElseThrow().getValue().getIntValue();
    }
}
