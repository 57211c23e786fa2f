package io.tasker.metrics.console.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compacts the console's H2 file before the console opens it, when most of the file is dead
 * space. H2's MVStore writes every change to new space and reclaims the old only in the
 * background, a little at a time, and at close for at most {@code MAX_COMPACT_TIME} (200 ms):
 * a history filled fast (an import, a first day with many series) leaves a file many times its
 * live content, which nothing shrinks while it is open. {@code SHUTDOWN COMPACT} rewrites it
 * to its live content, but needs the database to itself, so it runs here, before the pool.
 *
 * @param minBytes files smaller than this are left alone (a compaction costs a start)
 * @param maxLivePercent compact when the live content is at most this share of the file
 */
record StartCompaction(long minBytes, int maxLivePercent) {
    private static final Logger LOG = LoggerFactory.getLogger(StartCompaction.class);

    /** 64 MB, and half the file dead: a few seconds at start at most, and only when it pays. */
    static final StartCompaction DEFAULT = new StartCompaction(64L << 20, 50);

    /** What a compaction did. */
    record Done(long before, long after, long millis) {}

    /**
     * Compacts the file when it is worth it and this process is alone on it; otherwise leaves
     * it (another console serving it holds its lock, and is not to be shut down).
     */
    Optional<Done> run(ExistingFile file) {
        long t0 = System.nanoTime();
        try (Connection c = DriverManager.getConnection(file.jdbcUrl(), "sa", "");
                Statement s = c.createStatement()) {
            DatabaseFile before = DatabaseFile.read(c);
            if (!worthIt(before) || sessions(s) > 1) {
                return Optional.empty();
            }
            s.execute("SHUTDOWN COMPACT");
            Done done = new Done(before.bytes(), file.size(), (System.nanoTime() - t0) / 1_000_000);
            LOG.info(
                    "Compacted the console database {} from {} MB to {} MB in {} ms",
                    file.file(),
                    done.before() / 1_000_000,
                    done.after() / 1_000_000,
                    done.millis());
            return Optional.of(done);
        } catch (SQLException e) {
            LOG.info(
                    "The console database {} was not compacted at start: {}",
                    file.file(),
                    e.getMessage().split("\n")[0]);
            return Optional.empty();
        }
    }

    boolean worthIt(DatabaseFile f) {
        return f.bytes() >= minBytes && f.liveBytes() * 100 <= f.bytes() * (long) maxLivePercent;
    }

    /** Sessions on the database: more than this one when the same process has it open already. */
    private static int sessions(Statement s) throws SQLException {
        try (var r = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS")) {
            r.next();
            return r.getInt(1);
        }
    }
}
