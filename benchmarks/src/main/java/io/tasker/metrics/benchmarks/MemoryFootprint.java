package io.tasker.metrics.benchmarks;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.tasker.metrics.Counter;
import io.tasker.metrics.CounterSeries;
import io.tasker.metrics.Histogram;
import io.tasker.metrics.HistogramSeries;
import io.tasker.metrics.MetricRegistry;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.openjdk.jol.info.ClassLayout;

/**
 * Prints the heap each library keeps per series, label strings excluded: the heap in use after
 * a full collection, before and after creating {@code n} series, divided by {@code n}. The label
 * strings exist before the first measurement and stay reachable after the second, so they
 * cancel out, while whatever a library builds around them (arrays, lists, tags, attribute sets,
 * map entries, hash table slots) counts. Series are spread over families of 10,000, the
 * collector's default limit per metric, so that table sizes are the ones an application sees.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar io.tasker.metrics.benchmarks.MemoryFootprint
 * }</pre>
 */
public final class MemoryFootprint {
    static final int PER_FAMILY = 10_000;
    private static final AttributeKey<String> TASK = AttributeKey.stringKey("task_name");
    private static final AttributeKey<String> STATUS = AttributeKey.stringKey("status");

    /** Empty instruments of one library, which create one series per call to {@link #add}. */
    interface Fixture {
        void add(int family, String a, String b);

        /** Called once after the series are created and before the heap is measured. */
        default void settle() {}
    }

    /** One line of the table. */
    record Row(String kind, String library, int series, String goal, Supplier<Fixture> fixture) {}

    private MemoryFootprint() {}

    public static void main(String[] args) {
        String[] first = new String[100_000];
        String[] second = new String[first.length];
        for (int i = 0; i < first.length; i++) {
            first[i] = "task_name_" + (i / 10);
            second[i] = "status_" + (i % 10);
        }
        System.out.println("| Series | Library | Series measured | Bytes per series | Goal |");
        System.out.println("|---|---|---:|---:|---|");
        for (Row row : rows()) {
            double bytes = measure(row, first, second);
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %s | %,d | %.0f | %s |%n",
                    row.kind(),
                    row.library(),
                    row.series(),
                    bytes,
                    row.goal());
        }
        Reference.reachabilityFence(first);
        Reference.reachabilityFence(second);
        System.out.println();
        System.out.println(breakdown());
    }

    /**
     * Where a Tasker series' bytes go, from JOL's object layouts: the series object, which holds
     * up to four label values in its own fields (no array); the rest of the measured figure is
     * the family's share of its hash table and insertion-order array, which grow by doubling.
     */
    static String breakdown() {
        long counter = ClassLayout.parseClass(CounterSeries.class).instanceSize();
        long histogram = ClassLayout.parseClass(HistogramSeries.class).instanceSize();
        long buckets = ClassLayout.parseInstance(new long[Latencies.buckets().length + 2])
                .instanceSize();
        return String.format(
                Locale.ROOT,
                "JOL object sizes: CounterSeries %d B, HistogramSeries %d B "
                        + "(each with up to four label values in fields), long[%d] of bucket counts and sum %d B.",
                counter,
                histogram,
                Latencies.buckets().length + 2,
                buckets);
    }

    static List<Row> rows() {
        String counter = "counter, 2 labels";
        String histogram = "classic histogram, 11 buckets, 2 labels";
        List<Row> rows = new ArrayList<>();
        rows.add(new Row(counter, "Tasker Metrics", 100_000, "≤ 105", MemoryFootprint::taskerCounters));
        rows.add(new Row(counter, "Prometheus client_java", 100_000, "", () -> clientJavaCounters(true)));
        rows.add(new Row(
                counter, "Prometheus client_java, exemplars off", 100_000, "", () -> clientJavaCounters(false)));
        rows.add(new Row(counter, "Micrometer", 100_000, "", MemoryFootprint::micrometerCounters));
        rows.add(new Row(counter, "OpenTelemetry SDK", 100_000, "", MemoryFootprint::otelCounters));
        rows.add(new Row(histogram, "Tasker Metrics", 20_000, "≤ 300", () -> taskerHistograms(false, 1, false)));
        rows.add(new Row(histogram, "Prometheus client_java", 20_000, "", () -> clientJavaHistograms(true)));
        rows.add(new Row(
                histogram, "Prometheus client_java, exemplars off", 20_000, "", () -> clientJavaHistograms(false)));
        rows.add(new Row(histogram, "Micrometer", 20_000, "", MemoryFootprint::micrometerHistograms));
        rows.add(new Row(histogram, "OpenTelemetry SDK", 20_000, "", MemoryFootprint::otelHistograms));
        for (int observations : new int[] {1_000, 100_000}) {
            String kind = String.format(Locale.ROOT, "histogram + quantile sketch, %,d observations", observations);
            int series = observations == 1_000 ? 1_000 : 100;
            rows.add(new Row(
                    kind + ", before any snapshot",
                    "Tasker Metrics",
                    series,
                    "≤ the HdrHistogram sketch",
                    () -> taskerHistograms(true, observations, false)));
            rows.add(new Row(
                    kind + ", after a snapshot",
                    "Tasker Metrics",
                    series,
                    "≤ the HdrHistogram sketch",
                    () -> taskerHistograms(true, observations, true)));
            rows.add(new Row(
                    kind,
                    "Tasker Metrics before, classic histogram + packed HdrHistogram",
                    series,
                    "",
                    () -> hdrSketches(observations)));
        }
        return rows;
    }

    /** Bytes per series that {@code row}'s library keeps, label strings excluded. */
    static double measure(Row row, String[] first, String[] second) {
        // A small throwaway population first, so that class loading and lazy statics are paid
        // before the baseline.
        Fixture warm = row.fixture().get();
        for (int i = 0; i < Math.min(1_000, row.series() / 4); i++) {
            warm.add(0, first[i], second[i]);
        }
        warm.settle();
        warm = null;
        Fixture fixture = row.fixture().get();
        long before = usedHeap();
        for (int i = 0; i < row.series(); i++) {
            fixture.add(i / PER_FAMILY, first[i], second[i]);
        }
        fixture.settle();
        long after = usedHeap();
        Reference.reachabilityFence(fixture);
        return (after - before) / (double) row.series();
    }

    static long usedHeap() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            used = Math.min(
                    used,
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    static Fixture taskerCounters() {
        MetricRegistry registry = new MetricRegistry();
        List<Counter> families = new ArrayList<>();
        return (f, a, b) -> {
            while (families.size() <= f) {
                families.add(registry.counter("requests_" + families.size() + "_total", "task_name", "status"));
            }
            families.get(f).labels(a, b).inc();
        };
    }

    /** client_java counters; its default keeps an exemplar sampler in every series. */
    static Fixture clientJavaCounters(boolean exemplars) {
        PrometheusRegistry registry = new PrometheusRegistry();
        List<io.prometheus.metrics.core.metrics.Counter> families = new ArrayList<>();
        return (f, a, b) -> {
            while (families.size() <= f) {
                var builder = io.prometheus.metrics.core.metrics.Counter.builder()
                        .name("requests_" + families.size() + "_total")
                        .labelNames("task_name", "status");
                families.add((exemplars ? builder : builder.withoutExemplars()).register(registry));
            }
            families.get(f).labelValues(a, b).inc();
        };
    }

    static Fixture micrometerCounters() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        String[] names = new String[10];
        for (int i = 0; i < names.length; i++) {
            names[i] = "requests_" + i;
        }
        return (f, a, b) ->
                registry.counter(names[f], "task_name", a, "status", b).increment();
    }

    static Fixture otelCounters() {
        Meter meter =
                LiveOtelReader.provider(new LiveOtelReader(), PER_FAMILY + 1).get("footprint");
        List<LongCounter> families = new ArrayList<>();
        return (f, a, b) -> {
            while (families.size() <= f) {
                families.add(meter.counterBuilder("requests_" + families.size()).build());
            }
            families.get(f).add(1, Attributes.of(TASK, a, STATUS, b));
        };
    }

    /**
     * Tasker histograms; with {@code snapshot}, one registry snapshot runs before the
     * measurement, which for a quantile series allocates the sketch's cumulative and recycled
     * interval histograms, its steady state once scraped.
     */
    static Fixture taskerHistograms(boolean quantiles, int observations, boolean snapshot) {
        MetricRegistry registry = new MetricRegistry();
        List<Histogram> families = new ArrayList<>();
        double[] values = Latencies.values(observations, 3);
        return new Fixture() {
            @Override
            public void add(int f, String a, String b) {
                while (families.size() <= f) {
                    Histogram.Builder builder = Histogram.builder("duration_" + families.size() + "_seconds")
                            .labelNames("task_name", "status")
                            .buckets(Latencies.buckets());
                    families.add((quantiles ? builder.quantiles() : builder).register(registry));
                }
                var series = families.get(f).labels(a, b);
                for (double v : values) {
                    series.observe(v);
                }
            }

            @Override
            public void settle() {
                if (snapshot) {
                    registry.snapshot();
                }
            }
        };
    }

    /**
     * The quantile series as they were until December 2026: a classic Tasker histogram plus a
     * packed HdrHistogram {@code DoubleHistogram} of two significant digits, for comparison.
     */
    @SuppressWarnings("ModifiedButNotUsed") // Kept, not read: the sketches are the memory measured.
    static Fixture hdrSketches(int observations) {
        Fixture histograms = taskerHistograms(false, 0, false);
        List<org.HdrHistogram.DoubleHistogram> sketches = new ArrayList<>();
        double[] values = Latencies.values(observations, 3);
        return (f, a, b) -> {
            histograms.add(f, a, b);
            var sketch = new org.HdrHistogram.DoubleHistogram(2, org.HdrHistogram.PackedHistogram.class);
            for (double v : values) {
                sketch.recordValue(v);
            }
            sketches.add(sketch);
        };
    }

    static Fixture clientJavaHistograms(boolean exemplars) {
        PrometheusRegistry registry = new PrometheusRegistry();
        List<io.prometheus.metrics.core.metrics.Histogram> families = new ArrayList<>();
        return (f, a, b) -> {
            while (families.size() <= f) {
                var builder = io.prometheus.metrics.core.metrics.Histogram.builder()
                        .name("duration_" + families.size() + "_seconds")
                        .labelNames("task_name", "status")
                        .classicOnly()
                        .classicUpperBounds(Latencies.buckets());
                families.add((exemplars ? builder : builder.withoutExemplars()).register(registry));
            }
            families.get(f).labelValues(a, b).observe(0.042);
        };
    }

    static Fixture micrometerHistograms() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        return (f, a, b) -> DistributionSummary.builder("duration_" + f)
                .baseUnit("seconds")
                .tags("task_name", a, "status", b)
                .serviceLevelObjectives(Latencies.buckets())
                .register(registry)
                .record(0.042);
    }

    static Fixture otelHistograms() {
        Meter meter =
                LiveOtelReader.provider(new LiveOtelReader(), PER_FAMILY + 1).get("footprint");
        List<Double> bounds = Arrays.stream(Latencies.buckets()).boxed().toList();
        List<DoubleHistogram> families = new ArrayList<>();
        return (f, a, b) -> {
            while (families.size() <= f) {
                families.add(meter.histogramBuilder("duration_" + families.size())
                        .setUnit("s")
                        .setExplicitBucketBoundariesAdvice(bounds)
                        .build());
            }
            families.get(f).record(0.042, Attributes.of(TASK, a, STATUS, b));
        };
    }
}
