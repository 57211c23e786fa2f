package io.tasker.metrics.benchmarks;

import io.tasker.metrics.Histogram;
import io.tasker.metrics.ManualClock;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.console.db.Database;
import io.tasker.metrics.console.history.HistoryService;
import io.tasker.metrics.console.history.HistorySettings;
import io.tasker.metrics.console.history.HistoryStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The size of the console's open H2 file over time, with samples paced in real time. H2's
 * MVStore keeps a dead chunk for its retention time (45 s by default) and compacts in the
 * background between writes, so {@link HistoryBenchmark}'s back-to-back samples say nothing of
 * the file at the console's pace; here every sample waits for its turn on the wall clock
 * ({@code --tick-seconds 15} is the console's own pace; 3 runs five times faster, the 5-minute
 * writes of raw rows then a minute apart, still longer than the retention time). It fills every
 * tier at its retention, closes and opens the file again (as a console restart would), then
 * samples for {@code --minutes} of real time, printing the file's size and H2's fill rates
 * every minute, and at the end the size after {@code SHUTDOWN COMPACT}.
 *
 * <pre>{@code
 * flock /tmp/bench.lock java -cp benchmarks/target/benchmarks.jar io.tasker.metrics.benchmarks.HistoryFileGrowth \
 *     [--series 5000] [--tick-seconds 3] [--minutes 12]
 * }</pre>
 */
public final class HistoryFileGrowth {
    private HistoryFileGrowth() {}

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        Map<String, String> opts = options(args);
        int series = Integer.parseInt(opts.getOrDefault("--series", "5000"));
        double tickSeconds = Double.parseDouble(opts.getOrDefault("--tick-seconds", "3"));
        long minutes = Long.parseLong(opts.getOrDefault("--minutes", "12"));
        Path dir = Files.createTempDirectory("tasker-history-growth-");
        String url = "jdbc:h2:file:" + dir.resolve("console");
        HistorySettings settings = HistorySettings.defaults();
        long started = System.nanoTime();
        try (Database db = Database.open(url)) {
            long rows = HistoryBenchmark.fillAll(
                    new HistoryStore(db.dataSource()), series, settings, HistoryBenchmark.NOW.getEpochSecond());
            System.out.printf(
                    Locale.ROOT,
                    "filled %,d rows for %,d series in %.0f s; file %.1f MB%n",
                    rows,
                    series,
                    (System.nanoTime() - started) / 1e9,
                    HistoryBenchmark.size(dir) / 1e6);
        }
        System.out.printf(Locale.ROOT, "closed: file %.1f MB%n", HistoryBenchmark.size(dir) / 1e6);
        long opening = System.nanoTime();
        try (Database db = Database.open(url)) {
            System.out.printf(
                    Locale.ROOT,
                    "opened again in %.1f s: file %.1f MB%n",
                    (System.nanoTime() - opening) / 1e9,
                    HistoryBenchmark.size(dir) / 1e6);
            paced(db, series, settings, dir, tickSeconds, minutes);
            try (var c = db.connection();
                    var s = c.createStatement()) {
                s.execute("SHUTDOWN COMPACT");
            }
        }
        System.out.printf(Locale.ROOT, "after SHUTDOWN COMPACT: file %.1f MB%n", HistoryBenchmark.size(dir) / 1e6);
        HistoryBenchmark.delete(dir);
    }

    /** The console's sampling path, one sample every {@code tickSeconds} of real time. */
    private static void paced(
            Database db, int series, HistorySettings settings, Path dir, double tickSeconds, long minutes)
            throws Exception {
        MetricRegistry registry = new MetricRegistry();
        Histogram durations = Histogram.builder("task_duration_seconds")
                .labelNames("task_name")
                .quantiles()
                .register(registry);
        ManualClock clock = new ManualClock(HistoryBenchmark.NOW);
        HistoryService history = new HistoryService(db.dataSource(), settings, clock, registry::snapshot);
        Random random = new Random(1);
        long start = System.nanoTime();
        long end = start + Duration.ofMinutes(minutes).toNanos();
        long tickNanos = (long) (tickSeconds * 1e9);
        long nextReport = start;
        for (long tick = 0; System.nanoTime() < end; tick++) {
            if (System.nanoTime() >= nextReport) {
                report(db, dir, (System.nanoTime() - start) / 1e9, tick * 15 / 60);
                nextReport += Duration.ofMinutes(1).toNanos();
            }
            HistoryBenchmark.move(registry, durations, series, random);
            history.tick();
            clock.advance(settings.sampleInterval());
            long wait = start + (tick + 1) * tickNanos - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
        }
        report(db, dir, (System.nanoTime() - start) / 1e9, -1);
        if (history.status().error() != null) {
            throw new IllegalStateException(history.status().error());
        }
        history.close();
    }

    private static void report(Database db, Path dir, double seconds, long sampleMinutes) throws Exception {
        Map<String, String> info = info(db);
        System.out.printf(
                Locale.ROOT,
                "%5.0f s real, %4d min sampled: file %7.1f MB, fill rate %s %%, chunks fill rate"
                        + " %s %%, chunks %s%n",
                seconds,
                sampleMinutes,
                HistoryBenchmark.size(dir) / 1e6,
                info.get("info.FILL_RATE"),
                info.get("info.CHUNKS_FILL_RATE"),
                info.get("info.CHUNK_COUNT"));
    }

    private static Map<String, String> info(Database db) throws SQLException {
        Map<String, String> info = new HashMap<>();
        try (var c = db.connection();
                var s = c.createStatement();
                var r = s.executeQuery(
                        "SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME LIKE 'info.%'")) {
            while (r.next()) {
                info.put(r.getString(1), r.getString(2));
            }
        }
        return info;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i], args[i + 1]);
        }
        return opts;
    }
}
