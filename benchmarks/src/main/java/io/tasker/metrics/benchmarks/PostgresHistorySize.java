package io.tasker.metrics.benchmarks;

import io.tasker.metrics.console.db.Database;
import io.tasker.metrics.console.db.Login;
import io.tasker.metrics.console.history.HistorySettings;
import io.tasker.metrics.console.history.HistoryStore;
import io.tasker.metrics.testing.PostgresServerExtension;
import java.time.Duration;
import java.util.Locale;

/**
 * The history's size on PostgreSQL at the defaults with every tier full, as {@link HistoryBenchmark}
 * measures it on H2: {@code --series N} series (500 unless given; 4 in 5 counters, 1 in 10 gauges,
 * 1 in 10 histograms with 12 buckets) written through {@link HistoryStore}, then
 * {@code pg_database_size} after {@code VACUUM}, which is what the database holds on disk.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar io.tasker.metrics.benchmarks.PostgresHistorySize --series 500
 * }</pre>
 */
public final class PostgresHistorySize {
    private PostgresHistorySize() {}

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        int series = args.length == 2 && args[0].equals("--series") ? Integer.parseInt(args[1]) : 500;
        try (PostgresServerExtension postgres = new PostgresServerExtension()) {
            postgres.start();
            String url = postgres.jdbcUrl(postgres.newDatabase());
            try (Database db = Database.open(url, new Login(postgres.user(), postgres.password()), Duration.ZERO)) {
                long empty = db.file().bytes();
                long t0 = System.nanoTime();
                long rows = HistoryBenchmark.fillAll(
                        new HistoryStore(db.dataSource()),
                        series,
                        HistorySettings.defaults(),
                        HistoryBenchmark.NOW.getEpochSecond());
                double seconds = (System.nanoTime() - t0) / 1e9;
                try (var c = db.connection();
                        var s = c.createStatement()) {
                    s.execute("VACUUM ANALYZE");
                }
                long bytes = db.file().bytes() - empty;
                System.out.printf(
                        Locale.ROOT,
                        "%s: %,d series, every tier full: %,d rows written in %.0f s; the history takes %.1f MB"
                                + " (%.0f bytes a row, tables and indexes)%n",
                        postgres.version(),
                        series,
                        rows,
                        seconds,
                        bytes / 1e6,
                        (double) bytes / rows);
            }
        }
    }
}
