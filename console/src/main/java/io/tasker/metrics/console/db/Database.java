package io.tasker.metrics.console.db;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The console's H2 database: a small connection pool, migrated by Flyway at start from the
 * scripts in {@code migrations/} (packaged as {@code db/migration}). A file much larger than its
 * live content is compacted first ({@link StartCompaction}).
 *
 * <pre>{@code
 * try (Database db = Database.open("jdbc:h2:file:./data/console")) { ... }
 * }</pre>
 */
public final class Database implements AutoCloseable {
    private final JdbcConnectionPool pool;
    private final MigrateResult migration;

    private Database(JdbcConnectionPool pool, MigrateResult migration) {
        this.pool = pool;
        this.migration = migration;
    }

    /**
     * Opens (creating when needed) and migrates the database.
     *
     * @throws IllegalStateException naming the URL when it cannot be opened or migrated, or
     *     naming the file when one exists that holds no console schema (truncated or damaged)
     */
    public static Database open(String jdbcUrl) {
        ExistingFile.of(jdbcUrl).ifPresent(file -> {
            file.check();
            StartCompaction.DEFAULT.run(file);
        });
        JdbcConnectionPool pool = JdbcConnectionPool.create(shared(jdbcUrl), "sa", "");
        try {
            MigrateResult result = Flyway.configure().dataSource(pool).locations("classpath:db/migration")
                    .load().migrate();
            return new Database(pool, result);
        } catch (RuntimeException e) {
            pool.dispose();
            throw new IllegalStateException("Cannot open or migrate the console database " + jdbcUrl + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * A file database in H2's automatic mixed mode unless the URL says otherwise: the first
     * console to open it serves it to the others over loopback, so that a second console started
     * from the same working directory (a rolling restart) shares the history instead of failing
     * on the file lock.
     */
    static String shared(String jdbcUrl) {
        boolean file = jdbcUrl.startsWith("jdbc:h2:file:") || jdbcUrl.matches("jdbc:h2:(\\.|/|~|[A-Za-z]:).*");
        return file && !jdbcUrl.toUpperCase(java.util.Locale.ROOT).contains("AUTO_SERVER=") ? jdbcUrl + ";AUTO_SERVER=TRUE"
                : jdbcUrl;
    }

    public DataSource dataSource() {
        return pool;
    }

    public Connection connection() throws SQLException {
        return pool.getConnection();
    }

    /** How many migrations this start applied (0 on an up-to-date database). */
    public int migrationsApplied() {
        return migration.migrationsExecuted;
    }

    /** True when a trivial query answers within the pool's login timeout. */
    public boolean ping() {
        try (Connection c = pool.getConnection(); var s = c.createStatement()) {
            return s.executeQuery("SELECT 1").next();
        } catch (SQLException e) {
            return false;
        }
    }

    /** The file's size and live content, for the health report; zero for an in-memory database. */
    public DatabaseFile file() throws SQLException {
        try (Connection c = pool.getConnection()) {
            return DatabaseFile.read(c);
        }
    }

    @Override
    public void close() {
        pool.dispose();
    }
}
