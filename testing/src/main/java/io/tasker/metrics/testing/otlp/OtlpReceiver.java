package io.tasker.metrics.testing.otlp;

import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import org.awaitility.core.ConditionTimeoutException;

/**
 * An OTLP/HTTP receiver on a free loopback port, as an OpenTelemetry Collector, Jaeger or Tempo
 * runs one: it takes {@code POST /v1/traces} and {@code POST /v1/metrics}, in binary protobuf
 * ({@code application/x-protobuf}) or JSON ({@code application/json}, with the OTLP rule that
 * trace and span ids are hex), plain or gzip ({@code Content-Encoding: gzip}), and decodes each
 * body with the protocol's own generated classes. A body that does not decode is answered 400
 * and kept as {@link Request#error()}, so a test sees what was wrong instead of a count that is
 * short.
 *
 * <pre>{@code
 * try (OtlpReceiver receiver = OtlpReceiver.start()) {
 *     // OTEL_EXPORTER_OTLP_ENDPOINT = receiver.baseUrl()
 *     receiver.awaitSpans(s -> s.size() >= 4, Duration.ofSeconds(10));
 * }
 * }</pre>
 *
 * <p>An outage is {@link #stop()} then {@link #restart()} on the same port (connections are
 * refused in between); {@link #failWith(int)} answers every request with a status instead.
 */
public final class OtlpReceiver implements AutoCloseable {
    /** The two signals this receiver takes. */
    public enum Signal {
        /** {@code /v1/traces}: {@code ExportTraceServiceRequest}. */
        TRACES,
        /** {@code /v1/metrics}: {@code ExportMetricsServiceRequest}. */
        METRICS
    }

    /**
     * One request as it arrived.
     *
     * @param signal which path it was posted to
     * @param contentType its {@code Content-Type}
     * @param contentEncoding its {@code Content-Encoding}, or null
     * @param headers every request header (names as the JDK's server spells them: first letter capital)
     * @param bodyBytes the body's length on the wire
     * @param traces the decoded traces request, or null
     * @param metrics the decoded metrics request, or null
     * @param error why the body could not be decoded, or null
     */
    public record Request(
            Signal signal,
            String contentType,
            String contentEncoding,
            Map<String, List<String>> headers,
            int bodyBytes,
            ExportTraceServiceRequest traces,
            ExportMetricsServiceRequest metrics,
            String error) {
        /**
         * One header's first value.
         *
         * @param name the header name, any case
         * @return its first value, or null
         */
        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }
    }

    /**
     * A span with the resource and scope it came under.
     *
     * @param resource the resource's spans entry (its resource and schema URL)
     * @param scope the scope's spans entry (its scope's name and version)
     * @param span the span
     */
    public record ReceivedSpan(ResourceSpans resource, ScopeSpans scope, Span span) {
        /**
         * A string attribute of the span.
         *
         * @param key the attribute key
         * @return its string value, or null when the span has no such attribute
         */
        public String attribute(String key) {
            return OtlpValues.attribute(span.getAttributesList(), key);
        }

        /**
         * A string attribute of the resource.
         *
         * @param key the attribute key
         * @return its string value, or null
         */
        public String resourceAttribute(String key) {
            return OtlpValues.attribute(resource.getResource().getAttributesList(), key);
        }
    }

    /**
     * A metric with the resource and scope it came under.
     *
     * @param resource the resource's metrics entry
     * @param scope the scope's metrics entry
     * @param metric the metric
     */
    public record ReceivedMetric(ResourceMetrics resource, ScopeMetrics scope, Metric metric) {}

    private static final Duration POLL = Duration.ofMillis(20);

    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger failWith = new AtomicInteger();
    private volatile Duration delay = Duration.ZERO;
    private volatile boolean stopping;
    private final int port;
    private volatile HttpServer server;

    private OtlpReceiver(int port) throws IOException {
        this.server = listen(port);
        this.port = server.getAddress().getPort();
    }

    /**
     * Starts a receiver on a free loopback port.
     *
     * @return the running receiver
     * @throws IOException when no port could be bound
     */
    public static OtlpReceiver start() throws IOException {
        return new OtlpReceiver(0);
    }

    /**
     * The base URL, as {@code OTEL_EXPORTER_OTLP_ENDPOINT} takes it.
     *
     * @return {@code http://127.0.0.1:<port>}
     */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /**
     * The port, which stays the same across {@link #stop()} and {@link #restart()}.
     *
     * @return the TCP port
     */
    public int port() {
        return port;
    }

    private HttpServer listen(int onPort) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 0);
        s.createContext("/v1/traces", e -> receive(e, Signal.TRACES));
        s.createContext("/v1/metrics", e -> receive(e, Signal.METRICS));
        s.start();
        return s;
    }

    /**
     * Stops listening: senders now meet a refused connection, as when a collector is down. A
     * request that arrives while stopping is answered 503 and not kept, and those already being
     * answered finish first (up to a second), so that no request is both kept and failed.
     */
    public synchronized void stop() {
        if (server != null) {
            stopping = true;
            server.stop(1);
            server = null;
        }
    }

    /**
     * Listens again on the same port after {@link #stop()}.
     *
     * @throws IOException when the port cannot be bound again
     */
    public synchronized void restart() throws IOException {
        if (server == null) {
            stopping = false;
            server = listen(port);
        }
    }

    /**
     * Answers every further request with this status (and keeps nothing), or normally again with 0.
     *
     * @param status an HTTP status such as 503, or 0
     */
    public void failWith(int status) {
        failWith.set(status);
    }

    /**
     * Answers every further request only after this long, as a slow or hung collector does.
     *
     * @param wait the delay before each answer, or zero
     */
    public void delay(Duration wait) {
        delay = wait;
    }

    private void receive(HttpExchange exchange, Signal signal) throws IOException {
        try (exchange) {
            byte[] wire = exchange.getRequestBody().readAllBytes();
            sleep(delay);
            int status = stopping ? 503 : failWith.get();
            if (status != 0) {
                exchange.sendResponseHeaders(status, -1);
                return;
            }
            Request request = decode(exchange, signal, wire);
            requests.add(request);
            if (request.error() != null) {
                byte[] text = request.error().getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(400, text.length);
                exchange.getResponseBody().write(text);
                return;
            }
            respond(exchange, signal, request.contentType());
        }
    }

    private static Request decode(HttpExchange exchange, Signal signal, byte[] wire) {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
        Map<String, List<String>> headers = Map.copyOf(exchange.getRequestHeaders());
        try {
            byte[] body = "gzip".equalsIgnoreCase(encoding) ? gunzip(wire) : wire;
            boolean json = type != null && type.startsWith("application/json");
            if (signal == Signal.TRACES) {
                ExportTraceServiceRequest traces =
                        json ? OtlpJson.traces(body) : ExportTraceServiceRequest.parseFrom(body);
                return new Request(signal, type, encoding, headers, wire.length, traces, null, null);
            }
            ExportMetricsServiceRequest metrics =
                    json ? OtlpJson.metrics(body) : ExportMetricsServiceRequest.parseFrom(body);
            return new Request(signal, type, encoding, headers, wire.length, null, metrics, null);
        } catch (IOException | RuntimeException e) {
            return new Request(
                    signal,
                    type,
                    encoding,
                    headers,
                    wire.length,
                    null,
                    null,
                    "cannot decode " + signal + " body (" + type + ", " + encoding + "): " + e);
        }
    }

    private static void respond(HttpExchange exchange, Signal signal, String type) throws IOException {
        boolean json = type != null && type.startsWith("application/json");
        byte[] body = json
                ? "{}".getBytes(StandardCharsets.UTF_8)
                : signal == Signal.TRACES
                        ? ExportTraceServiceResponse.getDefaultInstance().toByteArray()
                        : ExportMetricsServiceResponse.getDefaultInstance().toByteArray();
        exchange.getResponseHeaders().set("Content-Type", json ? "application/json" : "application/x-protobuf");
        exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    private static byte[] gunzip(byte[] wire) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(wire))) {
            return in.readAllBytes();
        }
    }

    /**
     * Every request so far, in arrival order.
     *
     * @return a snapshot of the requests
     */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /**
     * Every span received so far, with its resource and scope.
     *
     * @return the spans in arrival order
     */
    public List<ReceivedSpan> spans() {
        List<ReceivedSpan> out = new ArrayList<>();
        for (Request r : requests) {
            if (r.traces() == null) {
                continue;
            }
            for (ResourceSpans rs : r.traces().getResourceSpansList()) {
                for (ScopeSpans ss : rs.getScopeSpansList()) {
                    ss.getSpansList().forEach(s -> out.add(new ReceivedSpan(rs, ss, s)));
                }
            }
        }
        return out;
    }

    /**
     * Every metric received so far, with its resource and scope.
     *
     * @return the metrics in arrival order
     */
    public List<ReceivedMetric> metrics() {
        List<ReceivedMetric> out = new ArrayList<>();
        for (Request r : requests) {
            if (r.metrics() == null) {
                continue;
            }
            for (ResourceMetrics rm : r.metrics().getResourceMetricsList()) {
                for (ScopeMetrics sm : rm.getScopeMetricsList()) {
                    sm.getMetricsList().forEach(m -> out.add(new ReceivedMetric(rm, sm, m)));
                }
            }
        }
        return out;
    }

    /**
     * Waits until the spans received satisfy a condition, checking every 20 ms.
     *
     * @param condition what the list of spans must satisfy
     * @param timeout how long to wait at most
     * @return the spans that satisfied it
     * @throws AssertionError after the timeout, with the number of spans received and any decoding error
     */
    public List<ReceivedSpan> awaitSpans(Predicate<List<ReceivedSpan>> condition, Duration timeout) {
        try {
            return await().atMost(timeout)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(POLL)
                    .until(this::spans, condition);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(
                    "OTLP receiver: condition not met within " + timeout + " with " + spans().size() + " spans received"
                            + errors(),
                    e);
        }
    }

    private String errors() {
        return requests.stream()
                .filter(r -> r.error() != null)
                .findFirst()
                .map(r -> "; " + r.error())
                .orElse("");
    }

    // The delay a test asked for, as a slow collector takes: the point, not a wait for a condition.
    private static void sleep(Duration wait) {
        if (wait.isZero()) {
            return;
        }
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted while waiting for OTLP requests"));
        }
    }

    @Override
    public void close() {
        stop();
    }
}
