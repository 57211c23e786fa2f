package io.tasker.metrics.console.db;

import io.tasker.metrics.export.ExportFormat;
import io.tasker.metrics.export.ExportRecord;
import io.tasker.metrics.export.ExportTiming;
import io.tasker.metrics.export.ExportTrigger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The export history in H2: longer than the shared store's bounded record, filterable and
 * paginated. Records are keyed by time, instance, destination and fencing number, so importing
 * the shared record again adds nothing twice.
 */
public final class ExportHistoryRepository {
    /** SQLState of a unique key violation. */
    private static final String DUPLICATE_KEY = "23505";

    private final Database db;

    public ExportHistoryRepository(Database db) {
        this.db = db;
    }

    /** A page of the history, newest first. */
    public record Page(List<ExportRecord> rows, long total, int offset, int limit) {}

    /**
     * Saves a record unless it is known already; returns whether it was new. One INSERT that
     * the unique key refuses for a known record: atomic, so that two imports at once cannot
     * both take the same record for new (a look-then-merge could, and counted it twice).
     */
    /**
     * Whether the database is open: while this console waits for another to let go of the H2
     * file, reads answer empty and saves store nothing (the shared store's record keeps every
     * export, and the first import after the handover brings them in).
     */
    public boolean available() {
        return db.waiting().isEmpty();
    }

    public boolean save(ExportRecord r) {
        if (!available()) {
            return false;
        }
        String sql = "INSERT INTO export_history (dedupe_key, exported_at, format, destination, trigger_name, outcome, "
                + "series, bytes, duration_ms, attempts, error, instance, fencing_number, timing) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection c = db.connection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, key(r));
            s.setObject(2, r.at().atOffset(ZoneOffset.UTC));
            // Every text is cut to its column, so that one odd record in the shared store cannot stop the import.
            s.setString(3, r.format().word());
            s.setString(4, cut(r.destination(), 1024));
            s.setString(5, r.trigger().word());
            s.setString(6, r.outcome().name());
            s.setLong(7, r.series());
            s.setLong(8, r.bytes());
            s.setLong(9, r.durationMillis());
            s.setInt(10, r.attempts());
            setNullable(s, 11, cut(r.error(), 4096));
            setNullable(s, 12, cut(r.instance(), 256));
            s.setLong(13, r.fencingNumber());
            setNullable(s, 14, r.timing() == null ? null : r.timing().words());
            s.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (DUPLICATE_KEY.equals(e.getSQLState())) {
                return false;
            }
            throw new IllegalStateException("Cannot save an export record: " + e.getMessage(), e);
        }
    }

    /** Saves those not known yet; returns how many were new. */
    public int importAll(List<ExportRecord> records) {
        int added = 0;
        for (ExportRecord r : records) {
            added += save(r) ? 1 : 0;
        }
        return added;
    }

    public Page page(String outcome, String format, int offset, int limit) {
        if (!available()) {
            return new Page(List.of(), 0, offset, limit);
        }
        StringBuilder where = new StringBuilder(" WHERE 1=1");
        List<String> args = new ArrayList<>();
        if (outcome != null && !outcome.isBlank()) {
            where.append(" AND outcome = ?");
            args.add(outcome.toUpperCase(Locale.ROOT));
        }
        if (format != null && !format.isBlank()) {
            where.append(" AND format = ?");
            args.add(format);
        }
        try (Connection c = db.connection()) {
            long total = count(c, where.toString(), args);
            List<ExportRecord> rows = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT * FROM export_history" + where + " ORDER BY exported_at DESC, id DESC LIMIT ? OFFSET ?")) {
                int i = bind(s, args);
                s.setInt(i++, limit);
                s.setInt(i, offset);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rows.add(read(rs));
                    }
                }
            }
            return new Page(rows, total, offset, limit);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the export history: " + e.getMessage(), e);
        }
    }

    public Optional<ExportRecord> lastSuccess() {
        return page("SUCCESS", null, 0, 1).rows().stream().findFirst();
    }

    /** The newest successful export dated at or before {@code notAfter}: records from the future do not count. */
    public Optional<ExportRecord> lastSuccess(Instant notAfter) {
        if (!available()) {
            return Optional.empty();
        }
        try (Connection c = db.connection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT * FROM export_history"
                                + " WHERE outcome = 'SUCCESS' AND exported_at <= ? ORDER BY exported_at DESC, id DESC LIMIT 1")) {
            s.setObject(1, notAfter.atOffset(ZoneOffset.UTC));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the export history: " + e.getMessage(), e);
        }
    }

    /** How many rows the history holds, and the oldest one's time (null when empty). */
    public record Extent(long rows, Instant oldest) {}

    public Extent extent() {
        if (!available()) {
            return new Extent(0, null);
        }
        try (Connection c = db.connection();
                PreparedStatement s = c.prepareStatement("SELECT COUNT(*), MIN(exported_at) FROM export_history");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            OffsetDateTime oldest = rs.getObject(2, OffsetDateTime.class);
            return new Extent(rs.getLong(1), oldest == null ? null : oldest.toInstant());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the export history: " + e.getMessage(), e);
        }
    }

    /** Deletes at most {@code limit} rows older than {@code cutoff}; returns how many it deleted. */
    public int deleteBefore(Instant cutoff, int limit) {
        try (Connection c = db.connection();
                PreparedStatement s = c.prepareStatement(
                        // A batch through a subquery: DELETE ... FETCH FIRST is H2's alone.
                        "DELETE FROM export_history WHERE id IN (SELECT id FROM export_history WHERE exported_at < ? "
                                + "LIMIT ?)")) {
            s.setObject(1, cutoff.atOffset(ZoneOffset.UTC));
            s.setInt(2, limit);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prune the export history: " + e.getMessage(), e);
        }
    }

    public Optional<ExportRecord> last() {
        return page(null, null, 0, 1).rows().stream().findFirst();
    }

    private static long count(Connection c, String where, List<String> args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM export_history" + where)) {
            bind(s, args);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static int bind(PreparedStatement s, List<String> args) throws SQLException {
        int i = 1;
        for (String a : args) {
            s.setString(i++, a);
        }
        return i;
    }

    private static ExportRecord read(ResultSet rs) throws SQLException {
        Instant at = rs.getObject("exported_at", OffsetDateTime.class).toInstant();
        return new ExportRecord(
                at,
                ExportFormat.stored(rs.getString("format")),
                rs.getString("destination"),
                ExportTrigger.stored(rs.getString("trigger_name")),
                ExportRecord.Outcome.valueOf(rs.getString("outcome")),
                rs.getLong("series"),
                rs.getLong("bytes"),
                rs.getLong("duration_ms"),
                rs.getInt("attempts"),
                rs.getString("error"),
                rs.getString("instance"),
                rs.getLong("fencing_number"),
                ExportTiming.Reason.stored(rs.getString("timing")));
    }

    private static String key(ExportRecord r) {
        return cut(
                r.at().toEpochMilli() + "|" + r.instance() + "|" + r.trigger() + "|" + r.fencingNumber() + "|"
                        + r.destination(),
                512);
    }

    private static void setNullable(PreparedStatement s, int i, String v) throws SQLException {
        if (v == null) {
            s.setNull(i, Types.VARCHAR);
        } else {
            s.setString(i, v);
        }
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
