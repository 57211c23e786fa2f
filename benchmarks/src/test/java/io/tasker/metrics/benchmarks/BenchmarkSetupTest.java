package io.tasker.metrics.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.snapshot.CounterSnapshot;
import io.tasker.metrics.snapshot.HistogramSnapshot;
import io.tasker.metrics.snapshot.MetricFamilySnapshot;
import io.tasker.metrics.snapshot.MetricsSnapshot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks that every benchmark does the same work in every library: after calling a benchmark
 * method N times, each library's instrument holds N (or the N observations), so that the
 * comparison is between equals and no peer is measured doing nothing.
 */
class BenchmarkSetupTest {
    private static final int N = 2_000;

    @Test
    void boundIncrementsReachEveryCounter() {
        BoundCounterBenchmark b = new BoundCounterBenchmark();
        b.setUp();
        for (int i = 0; i < N; i++) {
            b.longAdder();
            b.tasker();
            b.clientJava();
            b.micrometer();
            b.otel();
        }
        assertEquals(N, b.longAdder.sum());
        assertEquals(N, b.tasker.value());
        assertEquals(N, b.clientJava.get());
        assertEquals(N, b.micrometer.count());
        assertEquals(List.of((long) N), otelSums(b.otelReader.collect()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"same", "copies"})
    void lookupsFindTheSeriesCreatedBeforehand(String strings) {
        LabelLookupBenchmark b = new LabelLookupBenchmark();
        b.strings = strings;
        b.setUp();
        LabelLookupBenchmark.Cursor[] cursors = new LabelLookupBenchmark.Cursor[5];
        for (int c = 0; c < cursors.length; c++) {
            cursors[c] = new LabelLookupBenchmark.Cursor();
        }
        for (int i = 0; i < N; i++) {
            b.tasker(cursors[0]);
            b.taskerOneCall(cursors[1]);
            b.clientJava(cursors[2]);
            b.micrometer(cursors[3]);
            b.otel(cursors[4]);
        }
        assertEveryLookupCounted(LabelCombinations.COUNT, b.taskerRegistry, b.clientJava, b.micrometer);
        List<Long> otel = otelSums(b.otelReader.collect());
        assertEquals(LabelCombinations.COUNT, otel.size(), "no OpenTelemetry overflow series");
        assertEquals(N, otel.stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void threeLabelLookupsFindTheSeriesCreatedBeforehand() {
        ThreeLabelLookupBenchmark b = new ThreeLabelLookupBenchmark();
        b.setUp();
        ThreeLabelLookupBenchmark.Cursor[] cursors = new ThreeLabelLookupBenchmark.Cursor[4];
        for (int c = 0; c < cursors.length; c++) {
            cursors[c] = new ThreeLabelLookupBenchmark.Cursor();
        }
        for (int i = 0; i < N; i++) {
            b.tasker(cursors[0]);
            b.taskerOneCall(cursors[1]);
            b.clientJava(cursors[2]);
            b.micrometer(cursors[3]);
        }
        assertEveryLookupCounted(ThreeLabelLookupBenchmark.COMBINATIONS, b.taskerRegistry, b.clientJava, b.micrometer);
    }

    /**
     * N lookups in all, over exactly the series created beforehand, in both of our styles
     * (handle and one-call), client_java and Micrometer.
     */
    private static void assertEveryLookupCounted(
            int combinations,
            MetricRegistry tasker,
            io.prometheus.metrics.core.metrics.Counter clientJava,
            SimpleMeterRegistry micrometer) {
        MetricsSnapshot ours = tasker.snapshot();
        for (String name : List.of("tasker_lookups", "tasker_one_call_lookups")) {
            CounterSnapshot family = (CounterSnapshot) ours.family(name).orElseThrow();
            assertEquals(combinations, family.points().size(), name);
            assertEquals(
                    N,
                    family.points().stream()
                            .mapToDouble(CounterSnapshot.Point::value)
                            .sum(),
                    name);
        }
        var points = clientJava.collect().getDataPoints();
        assertEquals(combinations, points.size());
        assertEquals(N, points.stream().mapToDouble(p -> p.getValue()).sum());
        var meters = micrometer.find("lookups").counters();
        assertEquals(combinations, meters.size());
        assertEquals(N, meters.stream().mapToDouble(Counter::count).sum());
    }

    @Test
    void observationsReachEveryHistogramInTheSameBuckets() {
        HistogramBenchmark b = new HistogramBenchmark();
        b.setUp();
        HistogramBenchmark.Cursor[] cursors = valueCursors(4);
        for (int i = 0; i < N; i++) {
            b.tasker(cursors[0]);
            b.clientJava(cursors[1]);
            b.micrometer(cursors[2]);
            b.otel(cursors[3]);
        }
        double sum = 0;
        for (int i = 0; i < N; i++) {
            sum += Latencies.VALUES[i & Latencies.MASK];
        }
        MetricsSnapshot ours = b.taskerRegistry.snapshot();
        List<Long> ourBuckets = null;
        for (MetricFamilySnapshot f : ours.families()) {
            HistogramSnapshot.Point p = ((HistogramSnapshot) f).points().get(0);
            assertEquals(N, p.count(), f.name());
            assertEquals(sum, p.sum(), 1e-6, f.name());
            ourBuckets = nonCumulative(p.cumulativeCounts());
        }
        assertTrue(ourBuckets.stream().filter(c -> c > 0).count() >= 10, "values spread over the buckets");

        assertEquals(N, b.clientJava.getCount());
        assertEquals(sum, b.clientJava.getSum(), 1e-6);
        assertEquals(N, b.micrometer.count());
        assertEquals(sum, b.micrometer.totalAmount(), 1e-6);

        MetricData otel = b.otelReader.collect().iterator().next();
        HistogramPointData point =
                otel.getHistogramData().getPoints().iterator().next();
        assertEquals(N, point.getCount());
        assertEquals(sum, point.getSum(), 1e-6);
        assertEquals(ourBuckets, point.getCounts(), "same bounds, same bucket counts");
    }

    @Test
    void everyQuantileInstrumentTakesEveryObservationAndAgreesOnTheMedian() {
        QuantileBenchmark b = new QuantileBenchmark();
        b.setUp();
        HistogramBenchmark.Cursor[] cursors = valueCursors(5);
        for (int i = 0; i < N; i++) {
            b.tasker(cursors[0]);
            b.taskerBefore(cursors[1]);
            b.clientJava(cursors[2]);
            b.micrometer(cursors[3]);
            b.otel(cursors[4]);
        }
        double[] sorted = new double[N];
        for (int i = 0; i < N; i++) {
            sorted[i] = Latencies.VALUES[i & Latencies.MASK];
        }
        Arrays.sort(sorted);
        double median = sorted[N / 2 - 1];

        HistogramSnapshot.Point ours = ((HistogramSnapshot) b.taskerRegistry
                        .snapshot()
                        .family("tasker_task_duration_seconds")
                        .orElseThrow())
                .points()
                .get(0);
        assertEquals(N, ours.quantiles().count());
        assertEquals(median, ours.quantiles().valueAt(0.5), median * 0.008);
        assertEquals(N, b.packedSketch.getTotalCount());
        assertEquals(median, b.packedSketch.getValueAtPercentile(50), median * 0.01);
        assertEquals(N, b.clientJava.getCount());
        assertEquals(N, b.micrometer.count());
        assertEquals(median, b.micrometer.takeSnapshot().percentileValues()[0].value(), median * 0.1);
        MetricData otel = b.otelReader.collect().iterator().next();
        assertEquals(
                N,
                otel.getExponentialHistogramData().getPoints().iterator().next().getCount());
    }

    /** One cursor per library, so that each walks the values from the start as a JMH thread would. */
    private static HistogramBenchmark.Cursor[] valueCursors(int libraries) {
        HistogramBenchmark.Cursor[] cursors = new HistogramBenchmark.Cursor[libraries];
        for (int c = 0; c < libraries; c++) {
            cursors[c] = new HistogramBenchmark.Cursor();
        }
        return cursors;
    }

    @Test
    void exportWritesEverySeriesInBothLibraries() throws IOException {
        ExportBenchmark b = new ExportBenchmark();
        b.setUp();
        ByteArrayOutputStream ours = new ByteArrayOutputStream();
        b.taskerWriter.write(ours, b.tasker.snapshot());
        ByteArrayOutputStream theirs = new ByteArrayOutputStream();
        b.clientJavaWriter.write(theirs, b.clientJava.scrape());
        assertEquals(ExportBenchmark.SERIES, samples(ours));
        assertEquals(ExportBenchmark.SERIES, samples(theirs));

        b.taskerSnapshotAndWrite();
        long taskerBytes = b.out.bytes();
        b.clientJavaSnapshotAndWrite();
        long clientJavaBytes = b.out.bytes() - taskerBytes;
        assertEquals(ours.size(), taskerBytes);
        assertEquals(theirs.size(), clientJavaBytes);
        double ratio = taskerBytes / (double) clientJavaBytes;
        assertTrue(ratio > 0.8 && ratio < 1.25, "comparable output sizes: " + taskerBytes + " vs " + clientJavaBytes);
    }

    @Test
    void quantileSnapshotsSeeTheObservationsBetweenThem() {
        QuantileSnapshotBenchmark b = new QuantileSnapshotBenchmark();
        b.setUp();
        b.observeMore();
        HistogramSnapshot family =
                (HistogramSnapshot) b.taskerQuantileSnapshot().families().get(0);
        assertEquals(QuantileSnapshotBenchmark.SERIES, family.points().size());
        for (HistogramSnapshot.Point p : family.points()) {
            assertEquals(1_100, p.count());
            assertEquals(1_100, p.quantiles().count());
        }
    }

    private static long samples(ByteArrayOutputStream out) {
        return out.toString(StandardCharsets.UTF_8)
                .lines()
                .filter(l -> !l.startsWith("#") && !l.isBlank())
                .count();
    }

    private static List<Long> otelSums(Iterable<MetricData> metrics) {
        List<Long> sums = new ArrayList<>();
        for (MetricData m : metrics) {
            for (LongPointData p : m.getLongSumData().getPoints()) {
                sums.add(p.getValue());
            }
        }
        return sums;
    }

    private static List<Long> nonCumulative(long[] cumulative) {
        List<Long> counts = new ArrayList<>();
        for (int i = 0; i < cumulative.length; i++) {
            counts.add(cumulative[i] - (i == 0 ? 0 : cumulative[i - 1]));
        }
        return counts;
    }
}
