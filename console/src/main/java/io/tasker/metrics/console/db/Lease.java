package io.tasker.metrics.console.db;

import io.tasker.metrics.Clock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * A named turn at work that one console of several sharing a database does: sampling the value
 * history. A row of {@code console_lease} names its holder and when it expires; the holder
 * renews it at every tick, and another console takes it over once it has expired (a crash) or
 * been released (a normal stop). Portable SQL: an UPDATE that only matches for the holder or an
 * expired lease, and an INSERT for the first one; the database's row lock settles a race.
 *
 * <pre>{@code
 * Lease lease = new Lease(db.dataSource(), "history", "console-a", Duration.ofSeconds(45), clock);
 * if (lease.hold()) { ... sample ... }
 * }</pre>
 */
public final class Lease {
    private static final String DUPLICATE_KEY = "23505";

    private final DataSource db;
    private final String name;
    private final String holder;
    private final Duration length;
    private final Clock clock;

    /**
     * @param db the shared database
     * @param name what the lease is for
     * @param holder this console, unique among those sharing the database
     * @param length how long a lease lasts unrenewed: a few ticks, so that one slow tick does not lose it
     * @param clock the console's clock; consoles' clocks must agree within much less than {@code length}
     */
    public Lease(DataSource db, String name, String holder, Duration length, Clock clock) {
        this.db = db;
        this.name = name;
        this.holder = holder;
        this.length = length;
        this.clock = clock;
    }

    /**
     * Takes or renews the lease.
     *
     * @return whether this console holds it until {@code length} from now
     * @throws SQLException when the database does not answer
     */
    public boolean hold() throws SQLException {
        long now = clock.wallTimeMillis();
        try (Connection c = db.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("UPDATE console_lease SET holder = ?, expires_at = ?"
                    + " WHERE name = ? AND (holder = ? OR expires_at < ?)")) {
                s.setString(1, holder);
                s.setLong(2, now + length.toMillis());
                s.setString(3, name);
                s.setString(4, holder);
                s.setLong(5, now);
                if (s.executeUpdate() == 1) {
                    return true;
                }
            }
            return insert(c, now);
        }
    }

    private boolean insert(Connection c, long now) throws SQLException {
        try (PreparedStatement s =
                c.prepareStatement("INSERT INTO console_lease (name, holder, expires_at) VALUES (?, ?, ?)")) {
            s.setString(1, name);
            s.setString(2, holder);
            s.setLong(3, now + length.toMillis());
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            if (DUPLICATE_KEY.equals(e.getSQLState())) {
                return false; // Held by another console, which is alive.
            }
            throw e;
        }
    }

    /**
     * Gives the lease up, if this console holds it, so that another takes over at its next tick
     * rather than when the lease would have expired.
     *
     * @throws SQLException when the database does not answer
     */
    public void release() throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("DELETE FROM console_lease WHERE name = ? AND holder = ?")) {
            s.setString(1, name);
            s.setString(2, holder);
            s.executeUpdate();
        }
    }

    /** @return this console's name in the lease */
    public String holder() {
        return holder;
    }
}
