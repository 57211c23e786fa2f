package io.tasker.metrics.console.db;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.jdbcx.JdbcConnectionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's H2 database: a small connection pool, migrated by Flyway at start from the
 * scripts in {@code migrations/} (packaged as {@code db/migration}). A file much larger than its
 * live content is compacted first ({@link StartCompaction}).
 *
 * <p>A file database is this process's alone while it runs: H2's automatic mixed mode, which
 * let a second console share it, opened a database port on every interface with its key in a
 * world-readable lock file. A second process on the same file waits for the first to let go of
 * it, then fails with a message. The directory it creates for the file is private (0700).
 *
 * <pre>{@code
 * try (Database db = Database.open("jdbc:h2:file:./data/console", Duration.ofSeconds(30))) { ... }
 * }</pre>
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final long RETRY_MILLIS = 500;

    private final JdbcConnectionPool pool;
    private final Connection holder;
    private final MigrateResult migration;

    private Database(JdbcConnectionPool pool, Connection holder, MigrateResult migration) {
        this.pool = pool;
        this.holder = holder;
        this.migration = migration;
    }

    /**
     * Opens (creating when needed) and migrates the database, failing at once when another
     * process holds its file.
     *
     * @param jdbcUrl the H2 URL
     * @return the open database
     * @throws IllegalStateException as {@link #open(String, Duration)}
     */
    public static Database open(String jdbcUrl) {
        return open(jdbcUrl, Duration.ZERO);
    }

    /**
     * Opens (creating when needed) and migrates the database.
     *
     * @param jdbcUrl the H2 URL
     * @param wait how long to wait for another process that holds the file to let go of it
     * @return the open database
     * @throws IllegalStateException naming the URL when it cannot be opened or migrated, naming
     *     the file when one exists that holds no console schema (truncated or damaged), or when
     *     another process still holds it after {@code wait}
     */
    public static Database open(String jdbcUrl, Duration wait) {
        H2Url url = H2Url.parse(jdbcUrl);
        url.file().ifPresent(file -> createPrivateDirectory(file.getParent()));
        if (url.autoServer()) {
            LOG.warn("The console database URL asks for AUTO_SERVER=TRUE: H2 then serves the file on every interface, "
                    + "and anyone who can read its lock file can run code in the console. Leave it out unless that "
                    + "network is yours alone");
        }
        long deadline = System.nanoTime() + wait.toNanos();
        for (boolean waiting = false; ; waiting = true) {
            try {
                return openOnce(jdbcUrl);
            } catch (FileInUse e) {
                if (System.nanoTime() - deadline >= 0) {
                    throw inUse(url, wait);
                }
                if (!waiting) {
                    LOG.info(
                            "The console database {} is in use by another process; waiting up to {} s for it to stop",
                            url.file().orElseThrow(),
                            wait.toSeconds());
                }
                pause();
            }
        }
    }

    private static Database openOnce(String jdbcUrl) {
        ExistingFile.of(jdbcUrl).ifPresent(file -> {
            file.check();
            StartCompaction.DEFAULT.run(file);
        });
        // Held open for the console's life, so that the file stays this process's whatever the pool does.
        Connection holder = holder(jdbcUrl);
        JdbcConnectionPool pool = JdbcConnectionPool.create(jdbcUrl, "sa", "");
        try {
            MigrateResult result = Flyway.configure()
                    .dataSource(pool)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            return new Database(pool, holder, result);
        } catch (RuntimeException e) {
            pool.dispose();
            closeQuietly(holder);
            throw new IllegalStateException(
                    "Cannot open or migrate the console database " + jdbcUrl + ": " + e.getMessage(), e);
        }
    }

    private static Connection holder(String jdbcUrl) {
        try {
            return DriverManager.getConnection(jdbcUrl, "sa", "");
        } catch (SQLException e) {
            if (FileInUse.is(e)) {
                throw new FileInUse(e);
            }
            throw new IllegalStateException(
                    "Cannot open the console database " + jdbcUrl + ": "
                            + e.getMessage().split("\n")[0],
                    e);
        }
    }

    /** The database's directory, made readable by this user alone when this creates it; one that exists is left as it is. */
    private static void createPrivateDirectory(Path directory) {
        if (Files.isDirectory(directory)) {
            return;
        }
        try {
            Files.createDirectories(
                    directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException notPosix) {
            createDirectories(directory);
        } catch (FileAlreadyExistsException raced) {
            // Made by someone else meanwhile; H2 says what it thinks of it.
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Cannot create the console database's directory " + directory + ": " + e, e);
        }
    }

    private static void createDirectories(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Cannot create the console database's directory " + directory + ": " + e, e);
        }
    }

    private static IllegalStateException inUse(H2Url url, Duration wait) {
        return new IllegalStateException("The console database " + url.file().orElseThrow() + " is in use by another "
                + "process (another console started from the same directory, most likely), and it did not let go of it "
                + "within " + wait.toSeconds() + " s (console.database_wait). Two consoles cannot share one database "
                + "file: stop the other one, or give this one a database of its own, such as "
                + "TASKER_CONSOLE_DATABASE_URL=jdbc:h2:file:./data-2/console");
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the console database", e);
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            LOG.debug("Closing the console database's holding connection: {}", e.toString());
        }
    }

    /** @return the pool, for code that takes a {@link DataSource} */
    public DataSource dataSource() {
        return pool;
    }

    /**
     * @return a connection from the pool
     * @throws SQLException when none can be had
     */
    public Connection connection() throws SQLException {
        return pool.getConnection();
    }

    /** @return how many migrations this start applied (0 on an up-to-date database) */
    public int migrationsApplied() {
        return migration.migrationsExecuted;
    }

    /** @return true when a trivial query answers within the pool's login timeout */
    public boolean ping() {
        try (Connection c = pool.getConnection();
                var s = c.createStatement()) {
            return s.executeQuery("SELECT 1").next();
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * @return the file's size and live content, for the health report; zero for an in-memory database
     * @throws SQLException when the database does not answer
     */
    public DatabaseFile file() throws SQLException {
        try (Connection c = pool.getConnection()) {
            return DatabaseFile.read(c);
        }
    }

    @Override
    public void close() {
        pool.dispose();
        closeQuietly(holder);
    }
}
