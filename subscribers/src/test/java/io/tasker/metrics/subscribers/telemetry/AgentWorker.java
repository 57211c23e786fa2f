package io.tasker.metrics.subscribers.telemetry;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.config.ConfigLoader;
import io.tasker.metrics.events.TaskCompleted;
import io.tasker.metrics.events.TaskStarted;
import io.tasker.metrics.events.Traceparent;
import io.tasker.metrics.export.remote.Compression;
import io.tasker.metrics.export.remote.RemoteWriteClient;
import io.tasker.metrics.export.remote.RemoteWriteSettings;
import io.tasker.metrics.subscribers.Subscribers;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * A service run under the OpenTelemetry Java agent: an HTTP endpoint (which the agent traces)
 * whose handler runs a task, publishing its events, and pushes our own remote write export (which
 * the agent must not trace). Prints its port, serves one request, then exits, flushing.
 * Argument: the receiver's base URL (for the remote write push).
 */
public final class AgentWorker {
    private AgentWorker() {}

    public static void main(String[] args) throws Exception {
        MetricRegistry registry = new MetricRegistry();
        registry.incrementCounter("agent_runs_total", 1);
        RemoteWriteClient export = new RemoteWriteClient(new RemoteWriteSettings(
                URI.create(args[0] + "/api/v1/write"),
                null,
                null,
                Duration.ofSeconds(5),
                0,
                Compression.NONE,
                100,
                false));
        CountDownLatch served = new CountDownLatch(1);
        Map<String, String> env = System.getenv();
        try (Subscribers events = Subscribers.start(ConfigLoader.load(Optional.empty(), env), env, registry)) {
            System.out.println(
                    "subscribers " + events.names() + " spans " + events.spans().isPresent());
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/run", exchange -> {
                SpanContext current = Span.current().getSpanContext(); // the agent's SERVER span
                Optional<Traceparent> caller = current.isValid()
                        ? Optional.of(new Traceparent(current.getTraceId(), current.getSpanId(), current.isSampled()))
                        : Optional.empty();
                Instant start = Instant.now();
                events.publisher().publish(new TaskStarted("a1", "agent_task", start, Map.of(), caller));
                System.out.println(
                        "remote write " + export.push(registry.snapshot()).error());
                events.publisher()
                        .publish(new TaskCompleted("a1", "agent_task", start.plusMillis(5), Duration.ofMillis(5)));
                byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
                served.countDown();
            });
            server.start();
            System.out.println("port " + server.getAddress().getPort());
            System.out.flush();
            served.await();
            server.stop(1);
        } // the publisher drains; the agent flushes its spans at JVM exit
    }
}
