package io.tasker.metrics.console.db;

import io.tasker.metrics.export.internal.QueryMask;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.jdbcx.JdbcConnectionPool;
import org.postgresql.ds.PGConnectionPoolDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's database: a small connection pool, migrated by Flyway at start from the
 * scripts in {@code migrations/} (packaged as {@code db/migration}, with the few that differ by
 * database in {@code migrations/h2} and {@code migrations/postgresql}, packaged as
 * {@code db/vendor/<vendor>}). H2 is the embedded default; PostgreSQL ({@code jdbc:postgresql:})
 * lets several consoles share one history. An H2 file much larger than its live content is
 * compacted first ({@link StartCompaction}).
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
    private static final String POSTGRESQL = "jdbc:postgresql:";
    private static final String H2 = "jdbc:h2:";

    /** What an open database holds; null while this console waits for another to let go of the file. */
    private record Open(JdbcConnectionPool pool, Connection holder, MigrateResult migration) {}

    private final boolean postgres;
    private final DataSource dataSource = new WaitingDataSource(this::connection);
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private volatile Open open;
    private volatile String waiting;
    private volatile boolean closed;

    private Database(JdbcConnectionPool pool, Connection holder, MigrateResult migration, boolean postgres) {
        this.postgres = postgres;
        this.open = new Open(pool, holder, migration);
        ready.complete(null);
    }

    private Database(String waiting) {
        this.postgres = false;
        this.waiting = waiting;
    }

    /**
     * Opens the database as {@link #open(String, Login, Duration)} does, except that when another
     * process holds the H2 file (the console this one replaces, in a rolling restart) it returns
     * at once, waiting: {@link #connection()} fails with a message saying so, {@link #waiting()}
     * says why, and a thread takes the file over as soon as the other process lets go of it.
     * {@link #ready()} completes then, or fails when {@code wait} has passed first (or the file
     * proves damaged).
     *
     * @param jdbcUrl a {@code jdbc:h2:} or {@code jdbc:postgresql:} URL
     * @param login the user and password; {@link Login#NONE} for H2
     * @param wait how long to wait for another process that holds an H2 file to let go of it
     * @return the database, open or waiting
     * @throws IllegalStateException as {@link #open(String, Login, Duration)}, for anything but a file in use
     */
    public static Database start(String jdbcUrl, Login login, Duration wait) {
        H2Url url = H2Url.parse(jdbcUrl);
        if (url.file().isEmpty()) {
            return open(jdbcUrl, login, wait);
        }
        try {
            return open(jdbcUrl, login, Duration.ZERO);
        } catch (InUse e) {
            String why = "The console database " + url.file().orElseThrow() + " is in use by another process (the "
                    + "console this one replaces, most likely). This console serves the cluster view from the store "
                    + "and takes the file over when the other lets go of it (waiting up to " + wait.toSeconds()
                    + " s, console.database_wait); until then the export history and the history of values are "
                    + "not available here";
            LOG.info(why);
            Database db = new Database(why);
            Thread t = new Thread(() -> db.takeOver(jdbcUrl, wait), "console-database-handover");
            t.setDaemon(true);
            t.start();
            return db;
        }
    }

    private void takeOver(String jdbcUrl, Duration wait) {
        try {
            Database taken = open(jdbcUrl, Login.NONE, wait);
            synchronized (this) {
                if (closed) {
                    taken.close();
                    return;
                }
                open = taken.open;
                waiting = null;
            }
            LOG.info(
                    "The console database {} is this console's now",
                    H2Url.parse(jdbcUrl).file().orElseThrow());
            ready.complete(null);
        } catch (RuntimeException e) {
            ready.completeExceptionally(e);
        }
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
        return open(jdbcUrl, Login.NONE, wait);
    }

    /**
     * Opens and migrates an H2 database (creating it when needed) or a PostgreSQL one (which
     * must exist; the user needs the right to create tables in it).
     *
     * @param jdbcUrl a {@code jdbc:h2:} or {@code jdbc:postgresql:} URL
     * @param login the user and password; {@link Login#NONE} for H2
     * @param wait how long to wait for another process that holds an H2 file to let go of it
     * @return the open database
     * @throws IllegalStateException as {@link #open(String, Duration)}, and naming the two kinds
     *     of URL that work when it is neither
     */
    public static Database open(String jdbcUrl, Login login, Duration wait) {
        if (jdbcUrl.regionMatches(true, 0, POSTGRESQL, 0, POSTGRESQL.length())) {
            return openPostgres(jdbcUrl, login);
        }
        if (!jdbcUrl.regionMatches(true, 0, H2, 0, H2.length())) {
            throw new IllegalStateException("The console database URL " + QueryMask.apply(jdbcUrl) + " is neither "
                    + "H2's (jdbc:h2:file:./data/console, the default, for one console) nor PostgreSQL's "
                    + "(jdbc:postgresql://host:5432/tasker, for consoles that share one history)");
        }
        return openH2(jdbcUrl, wait);
    }

    private static Database openH2(String jdbcUrl, Duration wait) {
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
                    throw new InUse(inUse(url, wait));
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
            return new Database(pool, holder, migrate(pool, "h2"), false);
        } catch (RuntimeException e) {
            pool.dispose();
            closeQuietly(holder);
            throw new IllegalStateException(
                    "Cannot open or migrate the console database " + jdbcUrl + ": " + e.getMessage(), e);
        }
    }

    /**
     * A server database: no file to check or hold, and no wait, since several consoles share it
     * by design. H2's pool takes the driver's pooled data source, so both kinds pool alike.
     */
    private static Database openPostgres(String jdbcUrl, Login login) {
        PGConnectionPoolDataSource source = new PGConnectionPoolDataSource();
        JdbcConnectionPool pool;
        try {
            source.setURL(jdbcUrl);
            source.setUser(login.user());
            source.setPassword(login.password());
            pool = JdbcConnectionPool.create(source);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    "The console database URL " + QueryMask.apply(jdbcUrl) + " is not a PostgreSQL URL: "
                            + e.getMessage(),
                    e);
        }
        try {
            return new Database(pool, null, migrate(pool, "postgresql"), true);
        } catch (RuntimeException e) {
            pool.dispose();
            throw new IllegalStateException(
                    "Cannot open or migrate the console database " + QueryMask.apply(jdbcUrl) + " as user "
                            + login.user() + ": " + QueryMask.apply(e.getMessage()),
                    e);
        }
    }

    /**
     * The scripts all databases share, then those of this database's kind ({@code h2},
     * {@code postgresql}). Named here rather than through Flyway's {@code {vendor}} placeholder,
     * which the open-source Flyway 13 leaves unresolved.
     */
    private static MigrateResult migrate(DataSource pool, String vendor) {
        return Flyway.configure()
                .dataSource(pool)
                .locations("classpath:db/migration", "classpath:db/vendor/" + vendor)
                .load()
                .migrate();
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

    /** Another process still holds the file after the wait: the one failure that {@link #start} waits out. */
    private static final class InUse extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        InUse(IllegalStateException message) {
            super(message.getMessage());
        }
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

    /** @return the pool, for code that takes a {@link DataSource}; it fails as {@link #connection()} while waiting */
    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * @return a connection from the pool
     * @throws SQLException when none can be had, or while this console waits for the file
     */
    public Connection connection() throws SQLException {
        Open o = open;
        if (o == null) {
            throw new SQLException(waiting == null ? "The console database is closed" : waiting, "08001");
        }
        return o.pool().getConnection();
    }

    /** @return why the database is not open yet (another process holds its file), or empty once it is */
    public Optional<String> waiting() {
        return Optional.ofNullable(waiting);
    }

    /** @return completes when the database is open; fails when {@link #start} gave up waiting for it */
    public CompletableFuture<Void> ready() {
        return ready;
    }

    /** @return how many migrations this start applied (0 on an up-to-date database) */
    public int migrationsApplied() {
        return open.migration().migrationsExecuted;
    }

    /** @return true when a trivial query answers within the pool's login timeout */
    public boolean ping() {
        try (Connection c = connection();
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
        try (Connection c = connection()) {
            return postgres ? DatabaseFile.readPostgres(c) : DatabaseFile.read(c);
        }
    }

    /** @return whether this is a PostgreSQL database, shared by design, rather than an H2 one this console holds */
    public boolean shared() {
        return postgres;
    }

    @Override
    public synchronized void close() {
        closed = true;
        Open o = open;
        if (o == null) {
            return;
        }
        o.pool().dispose();
        if (o.holder() != null) {
            closeQuietly(o.holder());
        }
    }
}
