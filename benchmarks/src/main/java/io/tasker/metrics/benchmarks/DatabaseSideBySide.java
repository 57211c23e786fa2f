package io.tasker.metrics.benchmarks;

import io.tasker.metrics.Histogram;
import io.tasker.metrics.ManualClock;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.console.EmbeddedConsole;
import io.tasker.metrics.console.history.HistorySettings;
import io.tasker.metrics.console.history.HistoryStore;
import io.tasker.metrics.console.history.Sample;
import io.tasker.metrics.console.history.Tier;
import io.tasker.metrics.testing.PostgresServerExtension;
import io.tasker.metrics.testing.TempDirs;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * {@code /api/series} (24 h of one series, and of a family of 12) and {@code /api/tasks} (1 h, 20
 * tasks) through HTTP, on H2 (a file, as {@code bin/console} keeps it) and on PostgreSQL (a local
 * server from {@code testing/}), side by side in one run. Each console is filled by its own path
 * for the last hour: a manual clock walks it in 15 s samples, the registry moving (20 tasks, a
 * family of 12 counters) and syncing every 30 s as at the defaults. The 23 hours before are
 * written for the family straight into its tiers (raw, minute and hour rows as their retention
 * keeps them), as a day of sampling leaves them. Then each route is read 200 times after 50
 * warm-up reads.
 *
 * <pre>{@code
 * flock /tmp/bench.lock java -cp benchmarks/target/benchmarks.jar io.tasker.metrics.benchmarks.DatabaseSideBySide
 * }</pre>
 */
public final class DatabaseSideBySide {
    private static final Instant START = Instant.parse("2026-06-01T00:00:00Z");
    private static final int TASKS = 20;
    private static final int FAMILY = 12;
    private static final int WARMUP = 50;
    private static final int RUNS = 200;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private DatabaseSideBySide() {}

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        Path dir = Files.createTempDirectory("tasker-db-side-by-side-");
        try (PostgresServerExtension postgres = new PostgresServerExtension()) {
            postgres.start();
            System.out.println("PostgreSQL: " + postgres.version());
            run("H2 (file)", Map.of("TASKER_CONSOLE_DATABASE_URL", "jdbc:h2:file:" + dir.resolve("h2/console")), dir);
            run(
                    "PostgreSQL",
                    Map.of(
                            "TASKER_CONSOLE_DATABASE_URL", postgres.jdbcUrl(postgres.newDatabase()),
                            "TASKER_CONSOLE_DATABASE_USER", postgres.user(),
                            "TASKER_CONSOLE_DATABASE_PASSWORD", postgres.password()),
                    dir);
        } finally {
            TempDirs.delete(dir);
        }
    }

    private static void run(String database, Map<String, String> env, Path dir) throws Exception {
        ManualClock clock = new ManualClock(START);
        EmbeddedConsole.Builder builder = EmbeddedConsole.builder(Files.createDirectories(dir.resolve("exports")))
                .clock(clock)
                .env("TASKER_SYNC_INTERVAL", "30s");
        env.forEach(builder::env);
        try (EmbeddedConsole console = builder.start()) {
            long t0 = System.nanoTime();
            fill(console, clock);
            backfill(console, clock.wallTimeMillis() / 1000);
            double fillSeconds = (System.nanoTime() - t0) / 1e9;
            String token = "Bearer " + console.token();
            report(
                    database,
                    "/api/series, one series, 24 h",
                    console.url("/api/series?name=tasker_bench_family" + "&labels=member%3D%22m03%22&window=24h"),
                    token);
            report(
                    database,
                    "/api/series, a family of 12, 24 h",
                    console.url("/api/series?name=tasker_bench_family&window=24h"),
                    token);
            report(database, "/api/tasks, 1 h, 20 tasks", console.url("/api/tasks?window=1h"), token);
            System.out.printf(
                    Locale.ROOT,
                    "%s: 1 h sampled through the console and 23 h written in %.0f s%n",
                    database,
                    fillSeconds);
        }
    }

    /** An hour of the console's own path: the registry moves, syncs every 30 s, and the history samples every 15 s. */
    private static void fill(EmbeddedConsole console, ManualClock clock) throws IOException {
        MetricRegistry registry = console.console().runtime().registry();
        // Defined as the events' metrics subscriber defines it, so that this returns that family.
        Histogram durations = Histogram.builder("task_duration_seconds")
                .help("Task duration in seconds.")
                .labelNames("task_name")
                .quantiles()
                .register(registry);
        Random random = new Random(1);
        String token = "Bearer " + console.token();
        for (int tick = 0; tick < 240; tick++) {
            for (int m = 0; m < FAMILY; m++) {
                registry.incrementCounter(
                        "bench_family_total", 1 + random.nextInt(5), "member", String.format(Locale.ROOT, "m%02d", m));
            }
            for (int t = 0; t < TASKS; t++) {
                String task = "task_" + t;
                registry.incrementCounter(
                        "task_executions_total", 3 + random.nextInt(3), "status", "success", "task_name", task);
                if (random.nextInt(10) == 0) {
                    registry.incrementCounter("task_executions_total", 1, "status", "failure", "task_name", task);
                }
                for (int o = 0; o < 4; o++) {
                    durations.labels(task).observe(0.05 + random.nextDouble());
                }
            }
            if (tick % 2 == 0) {
                send(HttpRequest.newBuilder(URI.create(console.url("/api/sync")))
                        .header("Authorization", token)
                        .POST(HttpRequest.BodyPublishers.noBody()));
            }
            console.console().history().tick();
            clock.advance(Duration.ofSeconds(15));
        }
        if (console.console().history().status().error() != null) {
            throw new IllegalStateException(console.console().history().status().error());
        }
    }

    /** The family's 23 hours before the sampled one, in every tier their retention keeps. */
    private static void backfill(EmbeddedConsole console, long now) throws SQLException {
        HistoryStore store = console.console().history().store();
        HistorySettings settings = console.console().history().settings();
        long sampledFrom = now - 3600;
        Random random = new Random(2);
        List<Sample> rows = new ArrayList<>();
        for (int m = 0; m < FAMILY; m++) {
            HistoryStore.SeriesRef ref =
                    store.known("tasker_bench_family", String.format(Locale.ROOT, "member=\"m%02d\"", m));
            if (ref == null) {
                throw new IllegalStateException("the family was not sampled");
            }
            for (Tier tier : List.of(Tier.RAW, Tier.MINUTE, Tier.HOUR)) {
                long step = tier.seconds(settings.sampleInterval());
                long from = Math.max(now - 86_400, now - settings.retentionSeconds(tier));
                for (long t = from - from % step; t < sampledFrom; t += step) {
                    rows.add(new Sample(
                            ref.id(), tier, t, t / 10.0, (double) random.nextInt(100), null, null, null, null));
                }
            }
        }
        store.write(rows);
        store.flush();
    }

    private static void report(String database, String what, String url, String token) throws IOException {
        HttpRequest.Builder get = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", token)
                .GET();
        String body = send(get);
        for (int i = 0; i < WARMUP; i++) {
            send(get);
        }
        long[] nanos = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            send(get);
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        System.out.printf(
                Locale.ROOT,
                "| %s | %s | median %.2f ms | p95 %.2f ms | p99 %.2f ms | %,d bytes |%n",
                database,
                what,
                nanos[RUNS / 2] / 1e6,
                nanos[RUNS * 95 / 100] / 1e6,
                nanos[RUNS * 99 / 100] / 1e6,
                body.length());
    }

    private static String send(HttpRequest.Builder request) throws IOException {
        try {
            HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(r.statusCode() + " from " + r.uri() + ": " + r.body());
            }
            return r.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
