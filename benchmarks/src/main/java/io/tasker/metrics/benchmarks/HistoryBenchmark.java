package io.tasker.metrics.benchmarks;

import io.tasker.metrics.Histogram;
import io.tasker.metrics.ManualClock;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.console.chart.SeriesData;
import io.tasker.metrics.console.chart.SeriesReader;
import io.tasker.metrics.console.chart.Window;
import io.tasker.metrics.console.db.Database;
import io.tasker.metrics.console.history.HistoryService;
import io.tasker.metrics.console.history.HistorySettings;
import io.tasker.metrics.console.history.HistoryStore;
import io.tasker.metrics.console.history.HistoryStore.SeriesRef;
import io.tasker.metrics.console.history.Sample;
import io.tasker.metrics.console.history.SeriesKey;
import io.tasker.metrics.console.history.Tier;
import io.tasker.metrics.snapshot.HistogramSnapshot;
import io.tasker.metrics.snapshot.QuantileSketch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The console's history at its defaults, full: 5,000 series (4,000 counters, 500 gauges, 500
 * histograms with 12 buckets and sketch quantiles) with every tier at its retention (2 h of 15 s
 * samples, 8 h of minutes, 7 d of hours, 90 d of days), in an H2 file. It prints the file's
 * size, the time of {@code /api/series}' read of one series over 24 h and over 90 d, and the
 * time of one sample of 5,000 series with its rollup.
 *
 * <pre>{@code
 * flock /tmp/bench.lock java -cp benchmarks/target/benchmarks.jar io.tasker.metrics.benchmarks.HistoryBenchmark [--series 5000]
 * }</pre>
 */
public final class HistoryBenchmark {
    static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    private static final int BUCKETS = 12;

    private HistoryBenchmark() {}

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        int series = args.length == 2 && args[0].equals("--series") ? Integer.parseInt(args[1]) : 5000;
        Path dir = Files.createTempDirectory("tasker-history-bench-");
        HistorySettings settings = HistorySettings.defaults();
        long now = NOW.getEpochSecond();
        try (Database db = Database.open("jdbc:h2:file:" + dir.resolve("console"))) {
            HistoryStore store = new HistoryStore(db.dataSource());
            List<SeriesKey> keys = keys(series);
            Map<String, SeriesRef> ids = store.ids(keys);
            long started = System.nanoTime();
            long rows = 0;
            for (Tier tier : Tier.values()) {
                rows += fill(store, keys, ids, tier, settings, now);
            }
            store.flush();
            double fillSeconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(
                    Locale.ROOT,
                    "filled %,d rows for %,d series in %.1f s; rows per tier %s%n",
                    rows,
                    series,
                    fillSeconds,
                    Arrays.toString(store.rowCounts()));
            SeriesReader reader = new SeriesReader(store, settings);
            SeriesRef counter = ids.get(keys.get(7).id());
            SeriesRef histogram = ids.get(keys.get(series - 3).id());
            for (Window w : List.of(Window.H24, Window.D90)) {
                time(
                        "/api/series read, one counter, " + w.word(),
                        () -> reader.read(
                                counter.key().name(), List.of(counter.key().labels()), w, now));
                time(
                        "/api/series read, one histogram, " + w.word(),
                        () -> reader.read(
                                histogram.key().name(), List.of(histogram.key().labels()), w, now));
            }
            System.out.printf(Locale.ROOT, "database file while open, after the fill: %.1f MB%n", size(dir) / 1e6);
            steady(db, series, settings, dir);
            try (var c = db.connection();
                    var s = c.createStatement()) {
                s.execute("SHUTDOWN COMPACT");
            }
        }
        System.out.printf(Locale.ROOT, "database file after SHUTDOWN COMPACT: %.1f MB (%s)%n", size(dir) / 1e6, dir);
        delete(dir);
    }

    /**
     * The console's own path for 30 minutes of sample time: a registry of {@code series} series
     * whose values move, sampled every 15 s with rollups and retention, on the full database.
     */
    private static void steady(Database db, int series, HistorySettings settings, Path dir) throws IOException {
        MetricRegistry registry = new MetricRegistry();
        Histogram durations = Histogram.builder("task_duration_seconds")
                .labelNames("task_name")
                .quantiles()
                .register(registry);
        ManualClock clock = new ManualClock(NOW);
        HistoryService history = new HistoryService(db.dataSource(), settings, clock, registry::snapshot);
        Random random = new Random(1);
        long before = size(dir);
        long[] nanos = new long[120];
        for (int tick = 0; tick < nanos.length; tick++) {
            move(registry, durations, series, random);
            long t0 = System.nanoTime();
            history.tick();
            nanos[tick] = System.nanoTime() - t0;
            clock.advance(Duration.ofSeconds(15));
        }
        if (history.status().error() != null) {
            throw new IllegalStateException(history.status().error());
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(
                Locale.ROOT,
                "sample of %,d series with rollups, 120 ticks (30 min of sample time): median %.1f ms,"
                        + " max %.1f ms; the file grew by %.1f MB while open%n",
                history.status().kept(),
                sorted[60] / 1e6,
                sorted[119] / 1e6,
                (size(dir) - before) / 1e6);
    }

    /** Moves every series of the registry once: 80 % counters, 10 % gauges, 10 % histograms. */
    static void move(MetricRegistry registry, Histogram durations, int series, Random random) {
        for (int i = 0; i < series; i++) {
            if (i < series * 8 / 10) {
                registry.incrementCounter(
                        "task_executions_total", 1 + random.nextInt(5), "status", "success", "task_name", "task_" + i);
            } else if (i < series * 9 / 10) {
                registry.setGauge("queue_depth", random.nextInt(50), "queue", "queue_" + i);
            } else {
                durations.labels("task_" + i).observe(random.nextDouble());
            }
        }
    }

    /** Every tier at its retention for {@code series} series ending at {@code now}; the rows written. */
    static long fillAll(HistoryStore store, int series, HistorySettings settings, long now) throws Exception {
        List<SeriesKey> keys = keys(series);
        Map<String, SeriesRef> ids = store.ids(keys);
        long rows = 0;
        for (Tier tier : Tier.values()) {
            rows += fill(store, keys, ids, tier, settings, now);
        }
        store.flush();
        return rows;
    }

    /** One tier at its retention: a row per series per step, written in batches of one step. */
    private static long fill(
            HistoryStore store,
            List<SeriesKey> keys,
            Map<String, SeriesRef> ids,
            Tier tier,
            HistorySettings settings,
            long now)
            throws Exception {
        long step = tier.seconds(settings.sampleInterval());
        long steps = settings.retentionSeconds(tier) / step;
        Random random = new Random(tier.ordinal());
        long written = 0;
        List<Sample> batch = new ArrayList<>();
        for (long s = steps; s >= 1; s--) {
            long t = now - now % step - s * step;
            for (SeriesKey k : keys) {
                batch.add(sample(ids.get(k.id()).id(), k.kind(), tier, t, random));
            }
            if (batch.size() >= 20_000) {
                store.write(batch);
                written += batch.size();
                batch.clear();
            }
        }
        store.write(batch);
        return written + batch.size();
    }

    private static Sample sample(int id, String kind, Tier tier, long t, Random random) {
        double d = random.nextInt(100);
        long span = tier.seconds(Duration.ofSeconds(15)) * 1000;
        return switch (kind) {
            case "counter" -> new Sample(id, tier, t, t / 10.0, d, null, span, null, null);
            case "gauge" -> new Sample(id, tier, t, random.nextInt(50), null, null, null, null, null);
            default -> {
                long[] buckets = new long[BUCKETS];
                for (int i = 0; i < BUCKETS; i++) {
                    buckets[i] = random.nextInt(20);
                }
                QuantileSketch[] sketches = SKETCHES.get(tier);
                yield new Sample(
                        id, tier, t, t / 10.0, d, d * 0.3, span, sketches[random.nextInt(sketches.length)], buckets);
            }
        };
    }

    /**
     * Sketches as rows of each tier hold them: the observations of a 15 s sample of a busy task
     * (about 50), merged into minutes, hours and days; durations spread over about eight octaves
     * (log-normal, median 0.2 s), so that a day's sketch occupies most of its buckets. A few per
     * tier, shared by the rows: the size of a row is what the measurement is after.
     */
    private static final Map<Tier, QuantileSketch[]> SKETCHES = Map.of(
            Tier.RAW,
            sketches(50),
            Tier.MINUTE,
            sketches(200),
            Tier.HOUR,
            sketches(12_000),
            Tier.DAY,
            sketches(288_000));

    private static QuantileSketch[] sketches(int observations) {
        Random random = new Random(observations);
        QuantileSketch[] out = new QuantileSketch[8];
        for (int i = 0; i < out.length; i++) {
            MetricRegistry registry = new MetricRegistry();
            Histogram h = Histogram.builder("d_seconds").quantiles().register(registry);
            for (int k = 0; k < observations; k++) {
                h.observe(0.2 * Math.exp(random.nextGaussian()));
            }
            HistogramSnapshot family =
                    (HistogramSnapshot) registry.snapshot().families().get(0);
            out[i] = family.points().get(0).quantiles();
        }
        return out;
    }

    private static List<SeriesKey> keys(int n) {
        List<SeriesKey> keys = new ArrayList<>();
        String bounds = "0.005,0.01,0.025,0.05,0.1,0.25,0.5,1.0,2.5,5.0,10.0";
        for (int i = 0; i < n; i++) {
            String kind = i < n * 8 / 10 ? "counter" : i < n * 9 / 10 ? "gauge" : "histogram";
            String name = switch (kind) {
                case "counter" -> "tasker_task_executions";
                case "gauge" -> "tasker_queue_depth";
                default -> "tasker_task_duration_seconds";
            };
            keys.add(new SeriesKey(
                    name,
                    "status=\"success\", task_name=\"task_" + i + "\"",
                    kind,
                    kind.equals("histogram") ? bounds : null));
        }
        return keys;
    }

    @FunctionalInterface
    private interface Read {
        SeriesData run() throws Exception;
    }

    private static void time(String what, Read read) throws Exception {
        int points = read.run().times().length;
        for (int i = 0; i < 50; i++) {
            read.run();
        }
        long[] nanos = new long[200];
        for (int i = 0; i < nanos.length; i++) {
            long t0 = System.nanoTime();
            read.run();
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        System.out.printf(
                Locale.ROOT,
                "%s (%d points): median %.2f ms, p99 %.2f ms, max %.2f ms%n",
                what,
                points,
                nanos[100] / 1e6,
                nanos[197] / 1e6,
                nanos[199] / 1e6);
    }

    static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(p -> p.toFile().length())
                    .sum();
        }
    }

    static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
