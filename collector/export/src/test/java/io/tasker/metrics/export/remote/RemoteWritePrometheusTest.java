package io.tasker.metrics.export.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tasker.metrics.export.remote.RemoteWriteProto.Series;
import io.tasker.metrics.snapshot.MetricsSnapshot;
import io.tasker.metrics.testing.Http;
import io.tasker.metrics.testing.PrometheusServerExtension;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A real Prometheus, started with {@code --web.enable-remote-write-receiver}, receives our remote
 * writes; every value it stored, read back through its HTTP API at the sample's timestamp,
 * equals what the snapshot held: counters, a gauge, a NaN, every histogram bucket, sum and count,
 * label values with quotes, backslashes, a newline and non-ASCII characters.
 */
class RemoteWritePrometheusTest {
    @RegisterExtension
    static final PrometheusServerExtension PROMETHEUS = new PrometheusServerExtension();

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void prometheusStoresExactlyTheSeriesWePushWithSnappy() throws IOException {
        // Now, to the millisecond: Prometheus takes only samples that fit its head block.
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        MetricsSnapshot snapshot = RemoteWriteEncoderTest.fixture(at);
        RemoteWriteResult result = new RemoteWriteClient(settings(Compression.SNAPPY, 4)).push(snapshot);

        assertTrue(result.success(), result.error());
        assertEquals(3, result.requests(), "11 series in batches of 4");
        assertEquals(11, result.samples());
        assertEquals(expected(at), query("{__name__=~\"tasker_.+\"}", at));
        Map<String, List<Double>> timestamps = sampleTimes("{__name__=~\"tasker_.+\"}[1m]", at);
        assertEquals(expected(at).keySet(), timestamps.keySet());
        timestamps.forEach((series, times) -> assertEquals(
                List.of(at.toEpochMilli() / 1000.0), times, series + " holds one sample, at the snapshot's timestamp"));
    }

    /**
     * Remote write 1.0 knows only snappy, and Prometheus refuses other bodies with a 4xx (400 in
     * 2.x, 415 in 3.x), which the client must not retry; receivers that take gzip or no
     * compression are checked in {@link RemoteWriteClientTest}.
     */
    @ParameterizedTest
    @EnumSource(
            value = Compression.class,
            names = {"GZIP", "NONE"})
    void prometheusRefusesOtherCompressionsAndTheClientDoesNotRetry(Compression compression) {
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        RemoteWriteResult result =
                new RemoteWriteClient(settings(compression, 1000)).push(RemoteWriteEncoderTest.fixture(at));

        assertTrue(result.failed(), result.toString());
        assertEquals(1, result.attempts());
        assertTrue(result.error().matches("HTTP 4\\d\\d from .*"), result.error());
    }

    private static RemoteWriteSettings settings(Compression compression, int batchSize) {
        return new RemoteWriteSettings(
                URI.create(PROMETHEUS.remoteWriteUrl()),
                null,
                null,
                Duration.ofSeconds(10),
                2,
                compression,
                batchSize,
                false);
    }

    private static Map<String, Double> expected(Instant at) {
        Map<String, Double> expected = new TreeMap<>();
        for (Series s : RemoteWriteEncoderTest.expectedSeries(at.toEpochMilli())) {
            expected.put(s.key(), s.value());
        }
        return expected;
    }

    /** An instant query at {@code at}; each series keyed as {@code name{a="b"}}. */
    private static Map<String, Double> query(String promql, Instant at) throws IOException {
        Map<String, Double> values = new TreeMap<>();
        for (JsonNode series : result(promql, at)) {
            values.put(
                    key(series), Double.parseDouble(series.get("value").get(1).asText()));
        }
        return values;
    }

    /** The sample timestamps, in seconds, of each series a range-vector query returns. */
    private static Map<String, List<Double>> sampleTimes(String promql, Instant at) throws IOException {
        Map<String, List<Double>> times = new TreeMap<>();
        for (JsonNode series : result(promql, at)) {
            List<Double> list = new ArrayList<>();
            series.get("values").forEach(v -> list.add(v.get(0).asDouble()));
            times.put(key(series), list);
        }
        return times;
    }

    private static JsonNode result(String promql, Instant at) throws IOException {
        String time = BigDecimal.valueOf(at.toEpochMilli(), 3).toPlainString();
        Http.Response response = Http.get(PROMETHEUS.url() + "/api/v1/query?query="
                + URLEncoder.encode(promql, StandardCharsets.UTF_8) + "&time=" + time);
        assertEquals(200, response.status(), response.body());
        return JSON.readTree(response.body()).at("/data/result");
    }

    private static String key(JsonNode series) {
        Map<String, String> labels = new LinkedHashMap<>();
        series.get("metric")
                .properties()
                .forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
        return Series.key(labels);
    }
}
