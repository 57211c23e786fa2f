package io.tasker.metrics.export.otlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.export.remote.Compression;
import io.tasker.metrics.testing.FreePorts;
import io.tasker.metrics.testing.otlp.OtlpReceiver;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The OTLP metrics client against a real receiver: compression, headers, retries, skips, failures. */
class OtlpMetricsClientTest {
    private static MetricRegistry registry(int series) {
        MetricRegistry registry = new MetricRegistry();
        for (int i = 0; i < series; i++) {
            registry.incrementCounter("jobs_total", i + 1, "shard", "s" + i);
        }
        return registry;
    }

    private static OtlpMetricsSettings settings(String url, Compression compression, int retries, boolean skip) {
        return new OtlpMetricsSettings(
                URI.create(url + "/v1/metrics"),
                Map.of("x-api-key", "sk_live_key+1"),
                compression,
                Duration.ofSeconds(5),
                retries,
                100,
                skip,
                Map.of("service.name", "tasker"));
    }

    @Test
    void gzipHeadersAndBatchesArriveWhole() throws Exception {
        try (OtlpReceiver receiver = OtlpReceiver.start()) {
            OtlpMetricsResult r = new OtlpMetricsClient(settings(receiver.baseUrl(), Compression.GZIP, 0, false))
                    .push(registry(250).snapshot());
            assertNull(r.error());
            assertEquals(3, r.requests());
            assertEquals(250, r.series());
            assertTrue(r.sentBytes() < r.uncompressedBytes(), r.toString());
            OtlpReceiver.Request first = receiver.requests().get(0);
            assertEquals("gzip", first.contentEncoding());
            assertEquals("application/x-protobuf", first.contentType());
            assertEquals("sk_live_key+1", first.header("x-api-key"));
            assertEquals(
                    250,
                    receiver.metrics().stream()
                            .mapToLong(m -> m.metric().getSum().getDataPointsCount())
                            .sum());
        }
    }

    @Test
    void retryableAnswersAreRetriedAndOthersAreNot() throws Exception {
        try (OtlpReceiver receiver = OtlpReceiver.start()) {
            receiver.failWith(503);
            OtlpMetricsClient client = new OtlpMetricsClient(settings(receiver.baseUrl(), Compression.NONE, 2, false));
            OtlpMetricsResult unavailable = client.push(registry(1).snapshot());
            assertTrue(unavailable.failed());
            assertEquals(3, unavailable.attempts(), "the first and two retries");
            assertTrue(unavailable.error().startsWith("HTTP 503 from " + receiver.baseUrl()), unavailable.error());

            receiver.failWith(400);
            OtlpMetricsResult bad = client.push(registry(1).snapshot());
            assertEquals(1, bad.attempts(), "a 400 is not retried: a retry cannot fix it");
            assertFalse(bad.error().contains("sk_live_key"), bad.error());
            receiver.failWith(0);
            assertNull(client.push(registry(1).snapshot()).error());
        }
    }

    @Test
    void anUnreachableReceiverIsASkipWhenAskedAndAFailureOtherwise() throws Exception {
        String nobody = "http://127.0.0.1:" + FreePorts.next();
        OtlpMetricsResult skip = new OtlpMetricsClient(settings(nobody, Compression.NONE, 1, true))
                .push(registry(1).snapshot());
        assertTrue(skip.skipped(), skip.toString());
        assertFalse(skip.failed());
        OtlpMetricsResult fail = new OtlpMetricsClient(settings(nobody, Compression.NONE, 0, false))
                .push(registry(1).snapshot());
        assertTrue(fail.failed());
        assertTrue(fail.error().startsWith("could not connect to " + nobody), fail.error());
    }
}
