package io.tasker.metrics.testing.otlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.metrics.v1.Sum;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** The receiver decodes what real senders send: both signals, protobuf and OTLP/JSON, plain and gzip. */
class OtlpReceiverTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SPAN_ID = "00f067aa0ba902b7";

    @Test
    void tracesInProtobufAndJsonPlainAndGzip() throws Exception {
        try (OtlpReceiver receiver = OtlpReceiver.start()) {
            post(receiver, "/v1/traces", "application/x-protobuf", traces().toByteArray(), false);
            post(receiver, "/v1/traces", "application/x-protobuf", traces().toByteArray(), true);
            String json = "{\"resourceSpans\":[{\"resource\":{\"attributes\":[{\"key\":\"service.name\",\"value\":"
                    + "{\"stringValue\":\"payments\"}}]},\"scopeSpans\":[{\"spans\":[{\"traceId\":\"" + TRACE_ID
                    + "\",\"spanId\":\"" + SPAN_ID
                    + "\",\"name\":\"task x\",\"kind\":5,\"startTimeUnixNano\":\"1\"}]}]}]}";
            post(receiver, "/v1/traces", "application/json", json.getBytes(StandardCharsets.UTF_8), true);
            assertEquals(3, receiver.spans().size());
            for (OtlpReceiver.ReceivedSpan s : receiver.spans()) {
                assertEquals(
                        TRACE_ID, HexFormat.of().formatHex(s.span().getTraceId().toByteArray()));
                assertEquals("payments", s.resourceAttribute("service.name"));
            }
            assertEquals(
                    Span.SpanKind.SPAN_KIND_CONSUMER,
                    receiver.spans().get(2).span().getKind());
            assertEquals("gzip", receiver.requests().get(1).contentEncoding());
        }
    }

    @Test
    void metricsAndABodyThatDoesNotDecode() throws Exception {
        try (OtlpReceiver receiver = OtlpReceiver.start()) {
            assertEquals(
                    200,
                    post(
                            receiver,
                            "/v1/metrics",
                            "application/x-protobuf",
                            metrics().toByteArray(),
                            true));
            assertEquals(1, receiver.metrics().size());
            assertEquals(
                    1247,
                    receiver.metrics().get(0).metric().getSum().getDataPoints(0).getAsInt());
            assertEquals(400, post(receiver, "/v1/metrics", "application/x-protobuf", new byte[] {(byte) 0xff}, false));
            assertNotNull(receiver.requests().get(1).error());
            assertNull(receiver.requests().get(0).error());
        }
    }

    @Test
    void anOutageRefusesConnectionsOnTheSamePortUntilRestarted() throws Exception {
        try (OtlpReceiver receiver = OtlpReceiver.start()) {
            int port = receiver.port();
            receiver.stop();
            try {
                post(receiver, "/v1/traces", "application/x-protobuf", traces().toByteArray(), false);
                throw new AssertionError("a stopped receiver answered");
            } catch (ConnectException expected) {
                // down, as a collector that is not running
            }
            receiver.restart();
            assertEquals(port, receiver.port());
            receiver.failWith(503);
            assertEquals(503, post(receiver, "/v1/traces", "application/x-protobuf", traces().toByteArray(), false));
            receiver.failWith(0);
            assertEquals(200, post(receiver, "/v1/traces", "application/x-protobuf", traces().toByteArray(), false));
            assertEquals(1, receiver.spans().size());
        }
    }

    private static int post(OtlpReceiver receiver, String path, String type, byte[] body, boolean gzip)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(receiver.baseUrl() + path))
                .header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(gzip ? gzip(body) : body));
        if (gzip) {
            request.header("Content-Encoding", "gzip");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static byte[] gzip(byte[] body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(body);
        }
        return out.toByteArray();
    }

    private static Resource resource() {
        return Resource.newBuilder()
                .addAttributes(KeyValue.newBuilder()
                        .setKey("service.name")
                        .setValue(AnyValue.newBuilder().setStringValue("payments")))
                .build();
    }

    private static ExportTraceServiceRequest traces() {
        Span span = Span.newBuilder()
                .setTraceId(ByteString.fromHex(TRACE_ID))
                .setSpanId(ByteString.fromHex(SPAN_ID))
                .setName("task x")
                .setStartTimeUnixNano(1)
                .build();
        return ExportTraceServiceRequest.newBuilder()
                .addResourceSpans(ResourceSpans.newBuilder()
                        .setResource(resource())
                        .addScopeSpans(ScopeSpans.newBuilder().addSpans(span)))
                .build();
    }

    private static ExportMetricsServiceRequest metrics() {
        Metric metric = Metric.newBuilder()
                .setName("tasker_task_executions_total")
                .setSum(Sum.newBuilder()
                        .setIsMonotonic(true)
                        .addDataPoints(NumberDataPoint.newBuilder().setAsInt(1247)))
                .build();
        return ExportMetricsServiceRequest.newBuilder()
                .addResourceMetrics(ResourceMetrics.newBuilder()
                        .setResource(resource())
                        .addScopeMetrics(ScopeMetrics.newBuilder().addMetrics(metric)))
                .build();
    }
}
