package io.tasker.metrics.console.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.testing.TempDirs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Real H2 files in a temporary directory: a file that is mostly dead space is compacted before
 * the console opens it and keeps every row; a file that is mostly live, or that this process
 * has open already, is left alone.
 */
class StartCompactionTest {
    private static final StartCompaction AT_1_MB = new StartCompaction(1L << 20, 50);
    private static final int ROWS = 20_000;

    private final Path dir = tempDir();
    private final String url = "jdbc:h2:file:" + dir.resolve("console");

    @AfterEach
    void delete() {
        TempDirs.delete(dir);
    }

    @Test
    void aFileMostlyDeadIsCompactedAndKeepsEveryRow() throws Exception {
        Database.open(url).close();
        bloat(true);
        long before = Files.size(file().file());

        Optional<StartCompaction.Done> done = AT_1_MB.run(file());

        assertTrue(done.isPresent(), "a file of " + before + " bytes, nine tenths deleted");
        assertEquals(before, done.get().before());
        assertTrue(done.get().after() * 2 < before, done.get().toString());
        try (Database db = Database.open(url)) {
            assertEquals(ROWS / 10, count(db), "every live row is still there");
            assertTrue(db.file().bytes() * 2 < before, "the file the console opens is the compacted one");
        }
    }

    @Test
    void aFileCompactedAlreadyIsLeftAlone() throws Exception {
        Database.open(url).close();
        bloat(false);
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                var s = c.createStatement()) {
            s.execute("SHUTDOWN COMPACT");
        }
        long before = Files.size(file().file());
        assertTrue(before > 10L << 20, "20,000 rows of 1 KB: " + before);

        assertEquals(Optional.empty(), AT_1_MB.run(file()));
        assertTrue(Files.size(file().file()) < before + (1 << 20), "opened and closed, not rewritten");
    }

    @Test
    void aFileThisProcessHasOpenIsLeftAlone() throws Exception {
        Database.open(url).close();
        bloat(true);
        try (Database db = Database.open(url)) {
            assertEquals(Optional.empty(), AT_1_MB.run(file()), "another session holds it");
            assertEquals(ROWS / 10, count(db), "the open database goes on working");
        }
    }

    @Test
    void aSmallFileIsLeftAlone() throws Exception {
        Database.open(url).close();
        bloat(true);

        assertEquals(Optional.empty(), new StartCompaction(1L << 30, 50).run(file()));
    }

    @Test
    void theFileIsReportedAndAMemoryDatabaseHasNone() throws SQLException {
        try (Database db = Database.open(url)) {
            DatabaseFile f = db.file();
            assertTrue(f.bytes() > 0 && f.liveBytes() > 0 && f.liveBytes() <= f.bytes(), f.toString());
        }
        try (Database db = Database.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")) {
            assertEquals(new DatabaseFile(0, 0), db.file());
        }
    }

    /**
     * 20,000 rows of 1 KB, that do not compress; then, when {@code dead}, nine tenths deleted. Closed without H2's
     * compaction at close, as a console stopped while busy leaves it.
     */
    private void bloat(boolean dead) throws SQLException {
        try (Connection c = DriverManager.getConnection(url + ";MAX_COMPACT_TIME=0", "sa", "");
                var s = c.createStatement()) {
            s.execute("CREATE TABLE filler(id INT PRIMARY KEY, v VARCHAR(2000))");
            s.execute("INSERT INTO filler SELECT X, RAWTOHEX(SECURE_RAND(500)) FROM SYSTEM_RANGE(1, " + ROWS + ")");
            if (dead) {
                s.execute("DELETE FROM filler WHERE MOD(id, 10) <> 0");
            }
        }
    }

    private static long count(Database db) throws SQLException {
        try (var c = db.connection();
                var s = c.createStatement();
                var r = s.executeQuery("SELECT COUNT(*) FROM filler")) {
            r.next();
            return r.getLong(1);
        }
    }

    private ExistingFile file() {
        return ExistingFile.of(url).orElseThrow();
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("tasker-compaction-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
