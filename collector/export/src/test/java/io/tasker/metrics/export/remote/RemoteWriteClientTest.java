package io.tasker.metrics.export.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.Counter;
import io.tasker.metrics.ManualClock;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.RegistryOptions;
import io.tasker.metrics.export.ExportDestination;
import io.tasker.metrics.export.ExportFormat;
import io.tasker.metrics.export.RemoteWriteDestination;
import io.tasker.metrics.export.remote.RecordingReceiver.Received;
import io.tasker.metrics.export.remote.RecordingReceiver.Reply;
import io.tasker.metrics.snapshot.MetricsSnapshot;
import io.tasker.metrics.testing.FreePorts;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The client against a local HTTP server that answers as a receiver may: the spec's headers and
 * basic auth, batches, and every fault (500, 429, 4xx, no answer, nobody listening).
 */
class RemoteWriteClientTest {
    private static final String PASSWORD = "s3cret:pa55 wörd";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private RecordingReceiver receiver;

    @BeforeEach
    void startReceiver() {
        receiver = RecordingReceiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void postsTheSpecsHeadersWithBasicAuthAndTheSnapshotsSeries() {
        RemoteWriteSettings settings = new RemoteWriteSettings(
                receiver.endpoint(), "ops", PASSWORD, TIMEOUT, 3, Compression.SNAPPY, 1000, false);
        RemoteWriteResult result = client(settings).push(RemoteWriteEncoderTest.fixture(RemoteWriteEncoderTest.AT));

        Received request = only(receiver.requests());
        assertEquals("POST", request.method());
        assertEquals("/api/v1/write", request.path());
        assertEquals("application/x-protobuf", request.header("Content-Type"));
        assertEquals("snappy", request.header("Content-Encoding"));
        assertEquals("0.1.0", request.header("X-Prometheus-Remote-Write-Version"));
        assertTrue(request.header("User-Agent").startsWith("tasker-metrics/"), request.header("User-Agent"));
        assertEquals(
                "Basic " + Base64.getEncoder().encodeToString(("ops:" + PASSWORD).getBytes(StandardCharsets.UTF_8)),
                request.header("Authorization"));
        assertEquals(
                RemoteWriteEncoderTest.expectedSeries(RemoteWriteEncoderTest.T),
                request.decoded().series());
        assertEquals(RemoteWriteEncoderTest.EXPECTED_METADATA, request.decoded().metadata());

        assertTrue(result.success(), result.error());
        assertEquals(
                new RemoteWriteResult(1, 11, 11, request.protobuf().length, request.body().length, 1, false, null),
                result);
        assertFalse(settings.toString().contains(PASSWORD), settings.toString());
    }

    @Test
    void sendsNoAuthorizationWithoutAUser() {
        client(settings(receiver.endpoint(), 0)).push(RemoteWriteEncoderTest.fixture(RemoteWriteEncoderTest.AT));
        assertNull(only(receiver.requests()).header("Authorization"));
    }

    @ParameterizedTest
    @EnumSource(
            value = Compression.class,
            names = {"GZIP", "NONE"})
    void gzipAndNoneCarryTheSameWriteRequest(Compression compression) {
        RemoteWriteSettings settings =
                new RemoteWriteSettings(receiver.endpoint(), null, null, TIMEOUT, 0, compression, 1000, false);
        RemoteWriteResult result = client(settings).push(RemoteWriteEncoderTest.fixture(RemoteWriteEncoderTest.AT));

        Received request = only(receiver.requests());
        assertEquals(compression.contentEncoding(), request.header("Content-Encoding"));
        assertEquals(
                RemoteWriteEncoderTest.expectedSeries(RemoteWriteEncoderTest.T),
                request.decoded().series());
        assertEquals(request.body().length, result.sentBytes());
        assertEquals(request.protobuf().length, result.uncompressedBytes());
    }

    @Test
    void sendsAtMostBatchSizeSeriesPerRequest() {
        RemoteWriteResult result = client(settings(receiver.endpoint(), 0)).push(counters(2_500));

        List<Received> requests = receiver.requests();
        assertEquals(
                List.of(1000, 1000, 500),
                requests.stream().map(r -> r.decoded().series().size()).toList());
        Map<String, Double> all = new HashMap<>();
        requests.forEach(r -> all.putAll(r.decoded().values()));
        assertEquals(2_500, all.size());
        assertEquals(2_499.0, all.get("tasker_task_executions_total{status=\"success\",task_name=\"task-2499\"}"));
        assertEquals(3, result.requests());
        assertEquals(2_500, result.series());
        assertEquals(2_500, result.samples());
    }

    @Test
    void retriesA500AndSucceeds() {
        receiver.then(Reply.status(500, "internal"));
        RemoteWriteResult result = client(settings(receiver.endpoint(), 3)).push(counters(3));

        assertTrue(result.success(), result.error());
        assertEquals(2, result.attempts());
        assertEquals(List.of(Duration.ofMillis(100)), sleeps);
        List<Received> requests = receiver.requests();
        assertEquals(2, requests.size());
        assertEquals(requests.get(0).decoded(), requests.get(1).decoded());
    }

    @Test
    void backsOffExponentiallyAndGivesUpAfterTheRetryAttempts() {
        receiver.then(Reply.status(503), Reply.status(502), Reply.status(500), Reply.status(504, "still down"));
        RemoteWriteResult result = client(settings(receiver.endpoint(), 3)).push(counters(3));

        assertTrue(result.failed());
        assertEquals(4, result.attempts());
        assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400)), sleeps);
        assertTrue(result.error().startsWith("HTTP 504 from " + receiver.endpoint() + ": still down"), result.error());
        assertEquals(0, result.requests());
    }

    @Test
    void retriesA429AfterItsRetryAfterCappedAtTheTimeout() {
        receiver.then(
                Reply.status(429).header("Retry-After", "2"), Reply.status(429).header("Retry-After", "3600"));
        RemoteWriteResult result = client(settings(receiver.endpoint(), 3)).push(counters(3));

        assertTrue(result.success(), result.error());
        assertEquals(3, result.attempts());
        assertEquals(List.of(Duration.ofSeconds(2), TIMEOUT), sleeps);
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 404, 413})
    void anotherClientErrorFailsAtOnceWithItsStatusAndBody(int status) {
        String body = "bad request: " + "y".repeat(187) + "Z".repeat(100);
        receiver.then(Reply.status(status, body));
        RemoteWriteSettings settings = new RemoteWriteSettings(
                receiver.endpoint(), "ops", PASSWORD, TIMEOUT, 3, Compression.SNAPPY, 1000, true);
        RemoteWriteResult result = client(settings).push(counters(3));

        assertTrue(result.failed());
        assertEquals(1, result.attempts());
        assertEquals(1, receiver.requests().size());
        assertEquals(List.of(), sleeps);
        assertEquals(
                "HTTP " + status + " from " + receiver.endpoint() + ": " + body.substring(0, 200) + "...",
                result.error());
        assertFalse(result.error().contains(PASSWORD));
    }

    @Test
    void aReceiverThatEchoesTheRequestHeadersLeaksNoCredentials() {
        String basic = Base64.getEncoder().encodeToString(("ops:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        receiver.then(Reply.status(
                400,
                "bad request, you sent:\r\nAuthorization: Basic " + basic
                        + "\r\nProxy-Authorization: Bearer tok-123\r\n{\"authorization\": \"Basic " + basic + "\"} pw="
                        + PASSWORD + "\nforged log line"));
        RemoteWriteSettings settings = new RemoteWriteSettings(
                receiver.endpoint(), "ops", PASSWORD, TIMEOUT, 0, Compression.SNAPPY, 1000, false);
        RemoteWriteResult result = client(settings).push(counters(1));

        String error = result.error();
        for (String secret : new String[] {basic, "tok-123", PASSWORD, "s3cret"}) {
            assertFalse(error.contains(secret), secret + " in " + error);
        }
        assertFalse(error.contains("\n") || error.contains("\r"), "one line: " + error);
        assertTrue(error.contains("Authorization: ***"), error);
    }

    @Test
    void stopsAtTheFirstBatchThatFails() {
        receiver.then(Reply.status(204), Reply.status(400, "out of order sample"));
        RemoteWriteResult result = client(settings(receiver.endpoint(), 3)).push(counters(2_500));

        assertEquals(2, receiver.requests().size());
        assertEquals(1, result.requests());
        assertEquals(1_000, result.series());
        assertEquals(2, result.attempts());
        assertTrue(result.error().endsWith("out of order sample (after 1 accepted requests)"), result.error());
    }

    @Test
    void anAttemptWithoutAnswerTimesOutAfterTheTimeout() {
        receiver.then(Reply.noAnswer(), Reply.noAnswer());
        Duration timeout = Duration.ofMillis(400);
        RemoteWriteSettings settings =
                new RemoteWriteSettings(receiver.endpoint(), null, null, timeout, 1, Compression.SNAPPY, 1000, true);
        long start = System.nanoTime();
        RemoteWriteResult result = client(settings).push(counters(3));
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        assertTrue(result.failed(), "a server that accepts but never answers is not unavailable: " + result);
        assertEquals(2, result.attempts());
        assertEquals("no answer from " + receiver.endpoint() + " within 400 ms", result.error());
        // Two attempts of at least the timeout each; the upper bound only proves that neither hung
        // (the receiver never answers), with room for a loaded machine.
        assertTrue(elapsedMillis >= 800 && elapsedMillis < 10_000, "took " + elapsedMillis + " ms");
    }

    @Test
    void anUnreachableEndpointIsASkipWhenSkipIfUnavailable() {
        URI nobody = URI.create("http://127.0.0.1:" + FreePorts.next() + "/api/v1/write");
        RemoteWriteResult result = client(
                        new RemoteWriteSettings(nobody, "ops", PASSWORD, TIMEOUT, 2, Compression.SNAPPY, 1000, true))
                .push(counters(3));

        assertTrue(result.skipped());
        assertFalse(result.success());
        assertFalse(result.failed());
        assertEquals(3, result.attempts(), "connection failures are retried before giving up");
        assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200)), sleeps);
        assertTrue(
                result.error().startsWith("skipped, endpoint unreachable: could not connect to " + nobody),
                result.error());
        assertFalse(result.error().contains(PASSWORD));
    }

    @Test
    void anUnreachableEndpointIsAnErrorWithoutSkipIfUnavailable() {
        URI nobody = URI.create("http://127.0.0.1:" + FreePorts.next() + "/api/v1/write");
        RemoteWriteResult result = client(
                        new RemoteWriteSettings(nobody, null, null, TIMEOUT, 0, Compression.SNAPPY, 1000, false))
                .push(counters(3));

        assertTrue(result.failed());
        assertFalse(result.skipped());
        assertEquals(1, result.attempts());
        assertTrue(result.error().startsWith("could not connect to " + nobody + ": ConnectException"), result.error());
    }

    @Test
    void anEmptySnapshotSendsNothing() {
        RemoteWriteResult result =
                client(settings(receiver.endpoint(), 3)).push(MetricsSnapshot.empty(RemoteWriteEncoderTest.AT));
        assertTrue(result.success());
        assertEquals(new RemoteWriteResult(0, 0, 0, 0, 0, 0, false, null), result);
        assertEquals(List.of(), receiver.requests());
    }

    @Test
    void asAnExportDestinationAFailureThrowsAndASkipSaysWhy() throws IOException {
        RemoteWriteDestination ok = new RemoteWriteDestination(client(settings(receiver.endpoint(), 0)));
        ExportDestination.Delivery delivered = ok.deliver(counters(3));
        assertEquals(
                new ExportDestination.Delivery(3, only(receiver.requests()).body().length, 1, null, null), delivered);
        assertEquals(ExportFormat.REMOTE_WRITE, ok.format());
        assertEquals(receiver.endpoint().toString(), ok.describe());

        receiver.then(Reply.status(400, "bad"));
        IOException e = assertThrows(IOException.class, () -> ok.deliver(counters(3)));
        assertTrue(e.getMessage().startsWith("HTTP 400"), e.getMessage());

        URI nobody = URI.create("http://127.0.0.1:" + FreePorts.next() + "/api/v1/write");
        ExportDestination.Delivery skipped = new RemoteWriteDestination(
                        client(new RemoteWriteSettings(nobody, null, null, TIMEOUT, 0, Compression.SNAPPY, 1000, true)))
                .deliver(counters(3));
        assertNotNull(skipped.skipped());
        assertEquals(0, skipped.series());
    }

    @Test
    void compressionRatiosForTenThousandSeriesOfTheDesignsMetrics() {
        MetricsSnapshot workload = DesignWorkload.snapshot(10_000);
        Map<Compression, RemoteWriteResult> results = new java.util.EnumMap<>(Compression.class);
        for (Compression c : Compression.values()) {
            results.put(
                    c,
                    client(new RemoteWriteSettings(receiver.endpoint(), null, null, TIMEOUT, 0, c, 1000, false))
                            .push(workload));
        }
        List<Received> requests = receiver.requests();
        assertEquals(30, requests.size());
        for (int i = 0; i < 10; i++) {
            assertEquals(requests.get(i).decoded(), requests.get(10 + i).decoded());
            assertEquals(requests.get(i).decoded(), requests.get(20 + i).decoded());
        }
        RemoteWriteResult none = results.get(Compression.NONE);
        assertEquals(10_000, none.series());
        assertEquals(none.uncompressedBytes(), none.sentBytes());
        assertTrue(results.get(Compression.SNAPPY).compressionRatio() < 0.5, results.toString());
        assertTrue(results.get(Compression.GZIP).compressionRatio()
                < results.get(Compression.SNAPPY).compressionRatio());
        results.forEach((c, r) -> System.out.printf(
                "remote write, 10,000 series of the design's metrics, %s: %,d bytes"
                        + " of protobuf sent as %,d bytes (ratio %.3f) in %d requests%n",
                c.word(), r.uncompressedBytes(), r.sentBytes(), r.compressionRatio(), r.requests()));
    }

    private RemoteWriteClient client(RemoteWriteSettings settings) {
        return new RemoteWriteClient(settings, sleeps::add);
    }

    private static RemoteWriteSettings settings(URI endpoint, int retries) {
        return new RemoteWriteSettings(endpoint, null, null, TIMEOUT, retries, Compression.SNAPPY, 1000, false);
    }

    /** One counter family of {@code n} series valued 0..n-1. */
    static MetricsSnapshot counters(int n) {
        MetricRegistry registry =
                new MetricRegistry(RegistryOptions.defaults().withClock(new ManualClock(RemoteWriteEncoderTest.AT)));
        Counter executions = registry.counter("task_executions_total", "status", "task_name");
        for (int i = 0; i < n; i++) {
            executions.labels("success", "task-" + i).inc(i);
        }
        return registry.snapshot();
    }

    private static Received only(List<Received> requests) {
        assertEquals(1, requests.size());
        return requests.get(0);
    }
}
