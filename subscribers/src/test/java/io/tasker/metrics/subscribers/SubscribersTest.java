package io.tasker.metrics.subscribers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.config.ConfigLoader;
import io.tasker.metrics.events.TaskCompleted;
import io.tasker.metrics.events.TaskStarted;
import io.tasker.metrics.testing.otlp.OtlpReceiver;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The configuration wires what it enables, and closing sends what is left: spans by OTLP, metrics to StatsD. */
class SubscribersTest {
    private static final Instant T0 = Instant.parse("2026-01-01T12:00:00Z");

    @Test
    void onlyTheMetricsSubscriberByDefault() {
        MetricRegistry registry = new MetricRegistry();
        try (Subscribers events =
                Subscribers.start(ConfigLoader.load(Optional.empty(), Map.of()), Map.of(), registry)) {
            assertEquals(List.of("metrics"), events.names());
        }
    }

    @Test
    void enabledSubscribersGetTheEventsAndCloseFlushesThem() throws Exception {
        try (OtlpReceiver otlp = OtlpReceiver.start();
                DatagramSocket agent = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            agent.setSoTimeout(5000);
            Map<String, String> env = Map.of(
                    "TASKER_TELEMETRY_ENABLED",
                    "true",
                    "OTEL_EXPORTER_OTLP_ENDPOINT",
                    otlp.baseUrl(),
                    "TASKER_STATSD_ENABLED",
                    "true",
                    "DD_DOGSTATSD_PORT",
                    Integer.toString(agent.getLocalPort()),
                    "TASKER_CACHE_URL",
                    "memory:");
            MetricRegistry registry = new MetricRegistry();
            try (Subscribers events = Subscribers.start(ConfigLoader.load(Optional.empty(), env), env, registry)) {
                assertEquals(List.of("metrics", "telemetry", "statsd"), events.names());
                events.publisher().publish(new TaskStarted("7", "email_notification", T0));
                events.publisher()
                        .publish(
                                new TaskCompleted("7", "email_notification", T0.plusSeconds(1), Duration.ofSeconds(1)));
            }
            assertEquals(1, otlp.spans().size());
            DatagramPacket packet = new DatagramPacket(new byte[65_536], 65_536);
            agent.receive(packet);
            assertTrue(new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8)
                    .startsWith("tasker.tasks.running:1|g"));
            assertEquals(
                    1,
                    registry.counter("task_executions_total", "status", "task_name")
                            .labels("success", "email_notification")
                            .value());
        }
    }

    @Test
    void anApplicationsGlobalOpenTelemetryIsUsedInsteadOfASecondSdk() {
        io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter spans =
                io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter.create();
        io.opentelemetry.sdk.OpenTelemetrySdk app = io.opentelemetry.sdk.OpenTelemetrySdk.builder()
                .setTracerProvider(io.opentelemetry.sdk.trace.SdkTracerProvider.builder()
                        .addSpanProcessor(io.opentelemetry.sdk.trace.export.SimpleSpanProcessor.create(spans))
                        .build())
                .build();
        io.opentelemetry.api.GlobalOpenTelemetry.set(app);
        try {
            Map<String, String> env = Map.of("TASKER_TELEMETRY_ENABLED", "true");
            try (Subscribers events =
                    Subscribers.start(ConfigLoader.load(Optional.empty(), env), env, new MetricRegistry())) {
                assertEquals(List.of("metrics", "telemetry"), events.names());
                assertTrue(events.spans().isEmpty(), "no SDK of our own, so nothing of ours to count");
                events.publisher().publish(new TaskStarted("7", "email_notification", T0));
                events.publisher()
                        .publish(
                                new TaskCompleted("7", "email_notification", T0.plusSeconds(1), Duration.ofSeconds(1)));
            }
            assertEquals(1, spans.getFinishedSpanItems().size());
            assertEquals(
                    "io.tasker.metrics",
                    spans.getFinishedSpanItems()
                            .get(0)
                            .getInstrumentationScopeInfo()
                            .getName());
        } finally {
            io.opentelemetry.api.GlobalOpenTelemetry.resetForTest();
            app.close();
        }
    }
}
