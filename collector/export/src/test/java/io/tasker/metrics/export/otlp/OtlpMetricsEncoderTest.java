package io.tasker.metrics.export.otlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.SummaryDataPoint;
import io.tasker.metrics.Counter;
import io.tasker.metrics.Gauge;
import io.tasker.metrics.Histogram;
import io.tasker.metrics.ManualClock;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.RegistryOptions;
import io.tasker.metrics.export.otlp.internal.OtlpBatch;
import io.tasker.metrics.export.otlp.internal.OtlpMetricsEncoder;
import io.tasker.metrics.snapshot.MetricsSnapshot;
import io.tasker.metrics.snapshot.QuantileSketch;
import io.tasker.metrics.testing.otlp.OtlpValues;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The hand-written encoder, decoded by opentelemetry-proto's generated classes. */
class OtlpMetricsEncoderTest {
    private static final Instant T = Instant.parse("2026-01-01T12:00:00.123456789Z");

    private static MetricsSnapshot workload() {
        MetricRegistry registry = new MetricRegistry(RegistryOptions.defaults().withClock(new ManualClock(T)));
        Counter tasks = Counter.builder("task_executions_total")
                .help("Task executions by outcome.")
                .labelNames("status", "task_name")
                .register(registry);
        tasks.labels("success", "payment_processing").inc(1247);
        tasks.labels("failure", "payment_processing").inc(3);
        Gauge.builder("queue_depth")
                .help("Tasks waiting.")
                .labelNames("queue")
                .register(registry)
                .labels("default")
                .set(42);
        Histogram d = Histogram.builder("task_duration_seconds")
                .help("Task duration in seconds.")
                .labelNames("task_name")
                .buckets(0.1, 0.5, 1)
                .quantiles()
                .register(registry);
        for (double v : new double[] {0.05, 0.3, 0.7, 2.5}) {
            d.labels("payment_processing").observe(v);
        }
        return registry.snapshot();
    }

    private static List<ExportMetricsServiceRequest> decode(OtlpMetricsEncoder encoder, MetricsSnapshot snapshot)
            throws Exception {
        List<ExportMetricsServiceRequest> out = new ArrayList<>();
        Iterator<OtlpBatch> batches = encoder.batches(snapshot);
        while (batches.hasNext()) {
            out.add(ExportMetricsServiceRequest.parseFrom(batches.next().protobuf()));
        }
        return out;
    }

    private static List<Metric> metrics(List<ExportMetricsServiceRequest> requests) {
        return requests.stream()
                .flatMap(r -> r.getResourceMetricsList().stream())
                .flatMap(rm -> rm.getScopeMetricsList().stream())
                .flatMap(s -> s.getMetricsList().stream())
                .toList();
    }

    private static Metric named(List<Metric> metrics, String name) {
        return metrics.stream()
                .filter(m -> m.getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError(name));
    }

    @Test
    void countersGaugesHistogramsAndQuantilesAsOtlpDecodesThem() throws Exception {
        MetricsSnapshot snapshot = workload();
        List<ExportMetricsServiceRequest> requests = decode(
                new OtlpMetricsEncoder(1000, Map.of("service.name", "tasker"), "io.tasker.metrics", "1.2.3"), snapshot);
        assertEquals(1, requests.size());
        var rm = requests.get(0).getResourceMetrics(0);
        assertEquals("tasker", OtlpValues.attribute(rm.getResource().getAttributesList(), "service.name"));
        assertEquals("io.tasker.metrics", rm.getScopeMetrics(0).getScope().getName());
        assertEquals("1.2.3", rm.getScopeMetrics(0).getScope().getVersion());
        List<Metric> metrics = metrics(requests);

        Metric counter = named(metrics, "tasker_task_executions");
        assertEquals("Task executions by outcome.", counter.getDescription());
        assertTrue(counter.getSum().getIsMonotonic());
        assertEquals(
                AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE,
                counter.getSum().getAggregationTemporality());
        NumberDataPoint success = counter.getSum().getDataPointsList().stream()
                .filter(p -> "success".equals(OtlpValues.attribute(p.getAttributesList(), "status")))
                .findFirst()
                .orElseThrow();
        assertEquals(1247.0, success.getAsDouble());
        assertEquals("payment_processing", OtlpValues.attribute(success.getAttributesList(), "task_name"));
        assertEquals(
                snapshot.timestamp().getEpochSecond() * 1_000_000_000L
                        + snapshot.timestamp().getNano(),
                success.getTimeUnixNano());
        assertEquals(0, success.getStartTimeUnixNano(), "unknown start: the view outlives its instances");

        assertEquals(
                42.0,
                named(metrics, "tasker_queue_depth").getGauge().getDataPoints(0).getAsDouble());

        Metric histogram = named(metrics, "tasker_task_duration_seconds");
        assertEquals(
                AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE,
                histogram.getHistogram().getAggregationTemporality());
        HistogramDataPoint h = histogram.getHistogram().getDataPoints(0);
        assertEquals(List.of(0.1, 0.5, 1.0), h.getExplicitBoundsList());
        assertEquals(List.of(1L, 1L, 1L, 1L), h.getBucketCountsList(), "per bucket, not cumulative");
        assertEquals(4, h.getCount());
        assertEquals(3.55, h.getSum(), 1e-12);

        SummaryDataPoint s = named(metrics, "tasker_task_duration_seconds_quantiles")
                .getSummary()
                .getDataPoints(0);
        assertEquals(4, s.getCount());
        QuantileSketch sketch = ((io.tasker.metrics.snapshot.HistogramSnapshot)
                        snapshot.family("tasker_task_duration_seconds").orElseThrow())
                .points()
                .get(0)
                .quantiles();
        assertEquals(4, s.getQuantileValuesCount());
        for (int i = 0; i < 4; i++) {
            assertEquals(
                    QuantileSketch.STANDARD_QUANTILES.get(i),
                    s.getQuantileValues(i).getQuantile());
            assertEquals(
                    sketch.valueAt(QuantileSketch.STANDARD_QUANTILES.get(i)),
                    s.getQuantileValues(i).getValue(),
                    "the JSON export's value, exactly");
        }
    }

    @Test
    void batchesSplitFamiliesAndLoseNoSeries() throws Exception {
        MetricRegistry registry = new MetricRegistry(RegistryOptions.defaults().withClock(new ManualClock(T)));
        Counter c = registry.counter("jobs_total", "shard");
        for (int i = 0; i < 2_500; i++) {
            c.labels("s" + i).inc(i);
        }
        Gauge g = registry.gauge("depth", "q");
        g.labels("a").set(1);
        List<ExportMetricsServiceRequest> requests =
                decode(new OtlpMetricsEncoder(1000, Map.of(), "s", "v"), registry.snapshot());
        assertEquals(3, requests.size());
        double total = metrics(requests).stream()
                .filter(m -> m.getName().equals("tasker_jobs"))
                .flatMap(m -> m.getSum().getDataPointsList().stream())
                .mapToDouble(NumberDataPoint::getAsDouble)
                .sum();
        assertEquals(2_499 * 2_500 / 2.0, total, "every series once");
        long points = metrics(requests).stream()
                .mapToLong(m -> m.hasSum()
                        ? m.getSum().getDataPointsCount()
                        : m.getGauge().getDataPointsCount())
                .sum();
        assertEquals(2_501, points);
        assertFalse(requests.get(2)
                .getResourceMetrics(0)
                .getScopeMetrics(0)
                .getMetricsList()
                .isEmpty());
    }
}
