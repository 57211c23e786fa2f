package io.tasker.metrics.subscribers.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span;
import io.tasker.metrics.testing.JavaProcess;
import io.tasker.metrics.testing.otlp.OtlpReceiver;
import io.tasker.metrics.testing.otlp.OtlpReceiver.ReceivedSpan;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A service under the OpenTelemetry Java agent (the jar from Maven Central, attached to a child
 * JVM): our spans go through the agent's SDK, so there is one resource, not two; our own exports
 * make no CLIENT spans; and the agent's HTTP server span and our task span are one trace when
 * the request carries a traceparent.
 */
class AgentCoexistenceTest {
    private static final Path AGENT = Path.of("target", "agent", "opentelemetry-javaagent.jar");
    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

    @Test
    void oneSdkOneResourceNoFeedbackAndOneTrace() throws Exception {
        assertTrue(Files.isRegularFile(AGENT), AGENT + " missing: mvn generate-test-resources copies it");
        try (OtlpReceiver receiver = OtlpReceiver.start()) {
            Map<String, String> env = Map.of(
                    "OTEL_SERVICE_NAME",
                    "agent-app",
                    "OTEL_EXPORTER_OTLP_ENDPOINT",
                    receiver.baseUrl(),
                    "OTEL_EXPORTER_OTLP_PROTOCOL",
                    "http/protobuf",
                    "OTEL_METRICS_EXPORTER",
                    "none",
                    "OTEL_LOGS_EXPORTER",
                    "none",
                    "OTEL_BSP_SCHEDULE_DELAY",
                    "100",
                    "TASKER_TELEMETRY_ENABLED",
                    "true");
            Process worker = JavaProcess.start(
                    AgentWorker.class,
                    List.of("-javaagent:" + AGENT.toAbsolutePath()),
                    List.of(receiver.baseUrl()),
                    env);
            StringBuilder output = new StringBuilder();
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(worker.getInputStream(), StandardCharsets.UTF_8))) {
                int port = port(lines, output);
                HttpResponse<String> answer = HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/run"))
                                        .header("traceparent", "00-" + TRACE + "-00f067aa0ba902b7-01")
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                assertEquals(200, answer.statusCode());
                lines.lines().forEach(l -> output.append(l).append('\n'));
            }
            assertTrue(worker.waitFor(60, TimeUnit.SECONDS), output.toString());
            assertEquals(0, worker.exitValue(), output.toString());
            assertTrue(
                    output.toString().contains("subscribers [metrics, telemetry] spans false"),
                    "our subscriber, but no SDK of our own: " + output);

            List<ReceivedSpan> spans = receiver.awaitSpans(
                    s -> s.stream().anyMatch(x -> x.span().getName().equals("task agent_task")),
                    Duration.ofSeconds(30));
            ReceivedSpan task = spans.stream()
                    .filter(s -> s.span().getName().equals("task agent_task"))
                    .findFirst()
                    .orElseThrow();
            ReceivedSpan server = spans.stream()
                    .filter(s -> s.span().getKind() == Span.SpanKind.SPAN_KIND_SERVER)
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no SERVER span from the agent: " + names(spans)));
            assertEquals(
                    TRACE, hex(server.span().getTraceId().toByteArray()), "the agent continued the caller's trace");
            assertEquals(TRACE, hex(task.span().getTraceId().toByteArray()), "our task span is in the same trace");
            assertEquals(
                    hex(server.span().getSpanId().toByteArray()),
                    hex(task.span().getParentSpanId().toByteArray()),
                    "the task ran inside the request");

            Set<List<KeyValue>> resources = spans.stream()
                    .map(s -> s.resource().getResource().getAttributesList())
                    .collect(Collectors.toSet());
            assertEquals(1, resources.size(), "one resource for agent-app, not ours beside the agent's");
            assertEquals("agent-app", task.resourceAttribute("service.name"));
            assertTrue(task.resourceAttribute("telemetry.distro.name") != null, "the agent's resource");

            List<ReceivedSpan> clients = spans.stream()
                    .filter(s -> s.span().getKind() == Span.SpanKind.SPAN_KIND_CLIENT)
                    .toList();
            assertTrue(clients.isEmpty(), "no CLIENT span for our own export: " + names(clients));
        }
    }

    private static int port(BufferedReader lines, StringBuilder output) throws java.io.IOException {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            output.append(line).append('\n');
            if (line.startsWith("port ")) {
                return Integer.parseInt(line.substring(5).trim());
            }
        }
        throw new AssertionError("the worker printed no port: " + output);
    }

    private static String names(List<ReceivedSpan> spans) {
        return spans.stream()
                .map(s -> s.span().getKind() + " " + s.span().getName() + " "
                        + s.span().getAttributesList())
                .collect(Collectors.joining("; "));
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
