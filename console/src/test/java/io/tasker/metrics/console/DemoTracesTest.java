package io.tasker.metrics.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.proto.trace.v1.Span;
import io.tasker.metrics.testing.otlp.OtlpReceiver;
import io.tasker.metrics.testing.otlp.OtlpReceiver.ReceivedSpan;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * "Try it with Jaeger" shows whole traces: the issue found every demo trace without its root,
 * because the demo made up a parent per task that was never sent. Every span's parent is now in
 * what was sent, each trace has one root, the task's span (CONSUMER).
 */
class DemoTracesTest {
    @Test
    void everyDemoTraceIsWhole() throws Exception {
        List<ReceivedSpan> spans;
        try (OtlpReceiver receiver = OtlpReceiver.start()) {
            try (ConsoleFixture console = ConsoleFixture.builder()
                    .demo()
                    .env("TASKER_TELEMETRY_ENABLED", "true")
                    .env("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.baseUrl())
                    .env("OTEL_BSP_SCHEDULE_DELAY", "50")
                    .start()) {
                receiver.awaitSpans(s -> s.size() > 300, Duration.ofSeconds(30));
            } // closing flushes the last spans
            spans = receiver.spans();
        }
        Set<String> ids =
                spans.stream().map(s -> hex(s.span().getSpanId().toByteArray())).collect(Collectors.toSet());
        Map<String, List<ReceivedSpan>> traces = spans.stream()
                .collect(Collectors.groupingBy(s -> hex(s.span().getTraceId().toByteArray())));
        for (ReceivedSpan s : spans) {
            String parent = hex(s.span().getParentSpanId().toByteArray());
            assertTrue(
                    parent.isEmpty() || ids.contains(parent),
                    "the parent of " + s.span().getName() + " was never sent");
        }
        for (List<ReceivedSpan> trace : traces.values()) {
            List<ReceivedSpan> roots = trace.stream()
                    .filter(s -> s.span().getParentSpanId().isEmpty())
                    .toList();
            assertEquals(1, roots.size(), "one root a trace");
            assertTrue(
                    roots.get(0).span().getName().startsWith("task "),
                    roots.get(0).span().getName());
            assertEquals(Span.SpanKind.SPAN_KIND_CONSUMER, roots.get(0).span().getKind());
        }
        assertTrue(traces.size() > 20, traces.size() + " traces");
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
