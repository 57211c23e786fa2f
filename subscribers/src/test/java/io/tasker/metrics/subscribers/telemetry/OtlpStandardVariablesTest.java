package io.tasker.metrics.subscribers.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.subscribers.Subscribers;
import io.tasker.metrics.testing.otlp.OtlpReceiver;
import io.tasker.metrics.testing.otlp.OtlpReceiver.ReceivedSpan;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each variable of the OpenTelemetry SDK configuration specification that the issue found ignored
 * takes effect, against a real OTLP receiver: the configuration goes through the SDK's own
 * autoconfigure, so these tests check the wiring (our defaults beneath, the standard on top),
 * not a re-implementation.
 */
class OtlpStandardVariablesTest {
    private OtlpReceiver receiver;

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = OtlpReceiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    private List<ReceivedSpan> run(int tasks, String... pairs) {
        TraceRun.run(TraceRun.env(receiver.baseUrl(), pairs), new MetricRegistry(), p -> TraceRun.tasks(p, tasks));
        return receiver.spans();
    }

    @Test
    void endpointGetsTheSignalPathAndTheTracesEndpointIsUsedAsGiven() throws IOException {
        run(1);
        assertEquals(1, receiver.spans().size(), "OTEL_EXPORTER_OTLP_ENDPOINT + /v1/traces");
        try (OtlpReceiver other = OtlpReceiver.start()) {
            TraceRun.run(
                    TraceRun.env(
                            receiver.baseUrl(), "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", other.baseUrl() + "/v1/traces"),
                    new MetricRegistry(),
                    p -> TraceRun.tasks(p, 1));
            assertEquals(1, other.spans().size(), "the traces endpoint beats the base one");
            assertEquals(1, receiver.spans().size());
        }
    }

    @Test
    void yamlEndpointIsADefaultBeneathTheVariable(@TempDir Path dir) throws IOException {
        Path yaml = dir.resolve("tasker.yml");
        Files.writeString(
                yaml,
                "telemetry:\n  enabled: true\n  service_name: from-yaml\n  otlp:\n    endpoint: " + receiver.baseUrl()
                        + "\n");
        Map<String, String> env = Map.of();
        try (Subscribers events = Subscribers.start(
                io.tasker.metrics.config.ConfigLoader.load(Optional.of(yaml), env), env, new MetricRegistry())) {
            TraceRun.tasks(events.publisher(), 1);
        }
        assertEquals("from-yaml", receiver.spans().get(0).resourceAttribute("service.name"));

        try (OtlpReceiver other = OtlpReceiver.start()) {
            Map<String, String> wins =
                    Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", other.baseUrl(), "OTEL_SERVICE_NAME", "env");
            try (Subscribers events = Subscribers.start(
                    io.tasker.metrics.config.ConfigLoader.load(Optional.of(yaml), wins), wins, new MetricRegistry())) {
                TraceRun.tasks(events.publisher(), 1);
            }
            assertEquals("env", other.spans().get(0).resourceAttribute("service.name"));
            assertEquals(1, receiver.spans().size());
        }
    }

    @Test
    void headersArePercentDecodedKeepTheirPlusAndTheTracesHeadersReplaceThem() {
        run(1, "OTEL_EXPORTER_OTLP_HEADERS", "authorization=Bearer%20ab+c/d==,x-team=a");
        OtlpReceiver.Request request = receiver.requests().get(0);
        assertEquals("Bearer ab+c/d==", request.header("authorization"), "a '+' in a base64 token survives");
        assertEquals("a", request.header("x-team"));

        run(1, "OTEL_EXPORTER_OTLP_HEADERS", "x-team=a", "OTEL_EXPORTER_OTLP_TRACES_HEADERS", "x-traces=b");
        OtlpReceiver.Request second = receiver.requests().get(1);
        assertEquals("b", second.header("x-traces"));
        assertNull(
                second.header("x-team"), "the signal's own list replaces the general one, as the specification says");
    }

    @Test
    void aMalformedHeaderListNamesTheVariableButNeverShowsTheValue() {
        Map<String, String> env = TraceRun.env(
                receiver.baseUrl(), "OTEL_EXPORTER_OTLP_HEADERS", "x-team=a,Authorization: Bearer sk_live_secret");
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> TelemetrySettings.from(TraceRun.config(env), env));
        assertEquals(
                "OTEL_EXPORTER_OTLP_HEADERS: entry 2 of 2 is not key=value (value not shown); "
                        + "write headers as key1=value1,key2=value2",
                e.getMessage());
        Map<String, String> percent =
                TraceRun.env(receiver.baseUrl(), "OTEL_EXPORTER_OTLP_TRACES_HEADERS", "k=sk_%zz_secret");
        IllegalArgumentException p = assertThrows(
                IllegalArgumentException.class, () -> TelemetrySettings.from(TraceRun.config(percent), percent));
        assertFalse(p.getMessage().contains("secret"), p.getMessage());
        assertTrue(p.getMessage().startsWith("OTEL_EXPORTER_OTLP_TRACES_HEADERS:"), p.getMessage());
        TelemetrySettings ok = TelemetrySettings.from(
                TraceRun.config(TraceRun.env(receiver.baseUrl(), "OTEL_EXPORTER_OTLP_HEADERS", "k=sk_live_secret")),
                TraceRun.env(receiver.baseUrl(), "OTEL_EXPORTER_OTLP_HEADERS", "k=sk_live_secret"));
        assertFalse(ok.toString().contains("sk_live_secret"), ok.toString());
    }

    @Test
    void badEndpointsNameTheirVariable() {
        Map<String, String> env =
                TraceRun.env(receiver.baseUrl(), "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "collector:4318");
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> TelemetrySettings.from(TraceRun.config(env), env));
        assertEquals(
                "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'collector:4318' must be an http:// or https:// URL of an "
                        + "OTLP/HTTP receiver, such as http://otel-collector:4318",
                e.getMessage());
    }

    @Test
    void httpJsonForAllSignalsOrForTracesAlone() {
        run(2, "OTEL_EXPORTER_OTLP_PROTOCOL", "http/json");
        OtlpReceiver.Request json = receiver.requests().get(0);
        assertEquals("application/json", json.contentType());
        assertNull(json.error());
        assertEquals(4, receiver.spans().size() * 2, "both tasks' spans decoded from JSON, ids intact");
        assertEquals(
                32,
                hex(receiver.spans().get(0).span().getTraceId().toByteArray()).length());

        run(1, "OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http/json", "OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
        assertEquals("application/json", receiver.requests().get(1).contentType());
        run(1, "OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http/protobuf", "OTEL_EXPORTER_OTLP_PROTOCOL", "http/json");
        assertEquals("application/x-protobuf", receiver.requests().get(2).contentType());
    }

    @Test
    void grpcWithoutASenderFailsAtStartNamingWhatToAdd() {
        Map<String, String> env = TraceRun.env(receiver.baseUrl(), "OTEL_EXPORTER_OTLP_PROTOCOL", "grpc");
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> Subscribers.start(TraceRun.config(env), env, new MetricRegistry()));
        assertTrue(e.getMessage().contains("opentelemetry-exporter-sender-okhttp"), e.getMessage());
    }

    @Test
    void gzipForAllSignalsOrForTracesAlone() {
        run(50, "OTEL_EXPORTER_OTLP_COMPRESSION", "gzip");
        OtlpReceiver.Request gz = receiver.requests().get(0);
        assertEquals("gzip", gz.contentEncoding());
        assertEquals(50, receiver.spans().size());
        run(1, "OTEL_EXPORTER_OTLP_TRACES_COMPRESSION", "gzip");
        assertEquals(
                "gzip", receiver.requests().get(receiver.requests().size() - 1).contentEncoding());
        run(1);
        assertNull(receiver.requests().get(receiver.requests().size() - 1).contentEncoding());
    }

    @Test
    void timeoutEndsAnExportToAReceiverThatNeverAnswers() throws IOException {
        try (Stall stall = new Stall()) {
            long start = System.nanoTime();
            TraceRun.run(
                    TraceRun.env(
                            "http://127.0.0.1:" + stall.port(),
                            "OTEL_EXPORTER_OTLP_TIMEOUT",
                            "300",
                            "OTEL_JAVA_EXPORTER_OTLP_RETRY_DISABLED",
                            "true"),
                    new MetricRegistry(),
                    p -> TraceRun.tasks(p, 1));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "the SDK's default would wait 10 s; took " + took);
            assertTrue(stall.accepted() >= 1, "the export reached the stalling receiver");
        }
    }

    @Test
    void batchSizeAndScheduleDelayShapeTheRequests() {
        Map<String, String> env = TraceRun.env(
                receiver.baseUrl(), "OTEL_BSP_MAX_EXPORT_BATCH_SIZE", "3", "OTEL_BSP_SCHEDULE_DELAY", "50");
        try (Subscribers events = Subscribers.start(TraceRun.config(env), env, new MetricRegistry())) {
            TraceRun.tasks(events.publisher(), 10);
            // Sent by the 50 ms schedule, before any close or flush.
            receiver.awaitSpans(s -> s.size() == 10, Duration.ofSeconds(10));
        }
        assertTrue(receiver.requests().stream().allMatch(r -> spanCount(r) <= 3), "no request over 3 spans");
        assertTrue(receiver.requests().size() >= 4);
    }

    @Test
    void samplerRatioStaysWithinBinomialBounds() {
        int tasks = 4000;
        double ratio = 0.25;
        List<ReceivedSpan> spans =
                run(tasks, "OTEL_TRACES_SAMPLER", "traceidratio", "OTEL_TRACES_SAMPLER_ARG", Double.toString(ratio));
        double mean = tasks * ratio;
        double sd = Math.sqrt(tasks * ratio * (1 - ratio));
        // Five standard deviations: a false alarm once in about 1.7 million runs.
        assertTrue(Math.abs(spans.size() - mean) < 5 * sd, spans.size() + " traces of " + tasks + " at ratio " + ratio);
        run(20, "OTEL_TRACES_SAMPLER", "always_off");
        assertEquals(spans.size(), receiver.spans().size(), "always_off sends nothing");
    }

    @Test
    void resourceAttributesAndServiceNameFollowTheSpecificationsPrecedence() {
        run(1, "OTEL_RESOURCE_ATTRIBUTES", "deployment.environment.name=prod,service.version=1.2.3");
        ReceivedSpan first = receiver.spans().get(0);
        assertEquals("prod", first.resourceAttribute("deployment.environment.name"));
        assertEquals("1.2.3", first.resourceAttribute("service.version"));
        assertEquals("tasker", first.resourceAttribute("service.name"), "telemetry.service_name as the default");

        run(1, "OTEL_RESOURCE_ATTRIBUTES", "service.name=from-attributes");
        assertEquals("from-attributes", receiver.spans().get(1).resourceAttribute("service.name"));
        run(1, "OTEL_RESOURCE_ATTRIBUTES", "service.name=from-attributes", "OTEL_SERVICE_NAME", "from-name");
        assertEquals("from-name", receiver.spans().get(2).resourceAttribute("service.name"));
    }

    @Test
    void systemPropertiesBeatEnvironmentVariables() {
        Map<String, String> env = TraceRun.env(receiver.baseUrl(), "OTEL_SERVICE_NAME", "env");
        Properties system = new Properties();
        system.setProperty("otel.service.name", "property");
        TelemetrySettings settings = TelemetrySettings.from(TraceRun.config(env), env, system);
        try (TelemetrySdk sdk = TelemetrySdk.start(settings)) {
            assertEquals(
                    "property",
                    sdk.resource().getAttribute(io.opentelemetry.api.common.AttributeKey.stringKey("service.name")));
        }
    }

    @Test
    void sdkDisabledWiresNoTelemetrySubscriberAndSendsNothing() {
        Map<String, String> env = TraceRun.env(receiver.baseUrl(), "OTEL_SDK_DISABLED", "true");
        Subscribers events = TraceRun.run(env, new MetricRegistry(), p -> TraceRun.tasks(p, 3));
        assertEquals(List.of("metrics"), events.names());
        assertTrue(receiver.requests().isEmpty());
    }

    @Test
    void spanLimitsApply() {
        run(1, "OTEL_SPAN_ATTRIBUTE_VALUE_LENGTH_LIMIT", "7");
        assertEquals("payment", receiver.spans().get(0).attribute("tasker.task.name"));
    }

    private static long spanCount(OtlpReceiver.Request r) {
        return r.traces().getResourceSpansList().stream()
                .flatMap(rs -> rs.getScopeSpansList().stream())
                .mapToLong(s -> s.getSpansCount())
                .sum();
    }

    private static String hex(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(bytes);
    }

    /** A TCP server that accepts connections and never answers, as a hung collector does. */
    private static final class Stall implements AutoCloseable {
        private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<Socket> held = new ArrayList<>();
        private final Thread acceptor = new Thread(this::accept, "stall");

        Stall() throws IOException {
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return server.getLocalPort();
        }

        private void accept() {
            try {
                while (true) {
                    Socket s = server.accept();
                    synchronized (held) {
                        held.add(s);
                    }
                }
            } catch (IOException closed) {
                // closed by the test
            }
        }

        int accepted() {
            synchronized (held) {
                return held.size();
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            synchronized (held) {
                for (Socket s : held) {
                    s.close();
                }
            }
        }
    }

    static Set<String> names(List<ReceivedSpan> spans) {
        return spans.stream().map(s -> s.span().getName()).collect(Collectors.toSet());
    }
}
