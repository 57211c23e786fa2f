package io.tasker.metrics.console.history;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * The history's tables ({@code migrations/V3__value_history.sql}): series named once, samples
 * by series, tier and start. Writes are MERGEs, so two consoles on one database that sample the
 * same view at the same aligned time write one row, not two.
 */
public final class HistoryStore {
    /** Rows deleted per statement, so that retention never holds a long lock. */
    static final int DELETE_BATCH = 10_000;

    private final DataSource db;
    private final Map<String, SeriesRef> ids = new ConcurrentHashMap<>();
    private final Map<Integer, SeriesRef> byId = new ConcurrentHashMap<>();

    /** A stored series: its id and key. */
    public record SeriesRef(int id, SeriesKey key) {
    }

    public HistoryStore(DataSource db) {
        this.db = db;
    }

    /** The ids of these series, adding those the database does not know yet. */
    public Map<String, SeriesRef> ids(Collection<SeriesKey> keys) throws SQLException {
        List<SeriesKey> missing = keys.stream().filter(k -> !ids.containsKey(k.id())).toList();
        if (!missing.isEmpty()) {
            try (Connection c = db.getConnection()) {
                try (PreparedStatement s = c.prepareStatement(
                        "MERGE INTO history_series (name, labels, kind, bounds) KEY (name, labels) VALUES (?, ?, ?, ?)")) {
                    for (SeriesKey k : missing) {
                        s.setString(1, k.name());
                        s.setString(2, k.labels());
                        s.setString(3, k.kind());
                        s.setString(4, k.bounds());
                        s.addBatch();
                    }
                    s.executeBatch();
                }
                loadAll(c);
            }
        }
        return ids;
    }

    /** A series this store has written or read, without asking the database; null when it has not. */
    public SeriesRef known(String name, String labels) {
        return ids.get(new SeriesKey(name, labels, null, null).id());
    }

    /** Every series of a family, sorted by labels. */
    public List<SeriesRef> family(String name) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT id, name, labels, kind, bounds FROM history_series WHERE name = ? ORDER BY labels")) {
            s.setString(1, name);
            return refs(s.executeQuery());
        }
    }

    /** The names of every family with history, sorted. */
    public List<String> names() throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db.getConnection(); var s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT DISTINCT name FROM history_series ORDER BY name")) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        }
        return out;
    }

    public void write(List<Sample> samples) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("MERGE INTO history_sample (series_id, tier, t, v, d, sd, q50, q95, q99, "
                     + "buckets) KEY (series_id, tier, t) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Sample x : samples) {
                s.setInt(1, x.seriesId());
                s.setInt(2, x.tier().ordinal());
                s.setLong(3, x.t());
                s.setDouble(4, x.v());
                setDouble(s, 5, x.d());
                setDouble(s, 6, x.sd());
                setDouble(s, 7, x.q50());
                setDouble(s, 8, x.q95());
                setDouble(s, 9, x.q99());
                s.setBytes(10, x.buckets() == null ? null : encode(x.buckets()));
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** The samples of one series in one tier from {@code from} (epoch seconds) on, oldest first. */
    public List<Sample> read(int seriesId, Tier tier, long from) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT series_id, tier, t, v, d, sd, q50, q95, q99, buckets "
                     + "FROM history_sample WHERE series_id = ? AND tier = ? AND t >= ? ORDER BY t")) {
            s.setInt(1, seriesId);
            s.setInt(2, tier.ordinal());
            s.setLong(3, from);
            return samples(s.executeQuery());
        }
    }

    /** Every series' samples of one tier in {@code [from, to)}, by series then time. */
    List<Sample> readTier(Tier tier, long from, long to) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT series_id, tier, t, v, d, sd, q50, q95, q99, buckets "
                     + "FROM history_sample WHERE tier = ? AND t >= ? AND t < ? ORDER BY series_id, t")) {
            s.setInt(1, tier.ordinal());
            s.setLong(2, from);
            s.setLong(3, to);
            return samples(s.executeQuery());
        }
    }

    /** The latest start in a tier, or -1 when it is empty. */
    long latest(Tier tier) throws SQLException {
        return single("SELECT MAX(t) FROM history_sample WHERE tier = ?", tier, Long.MIN_VALUE);
    }

    /** The earliest start in a tier at or after {@code from}, or -1 when there is none. */
    long earliest(Tier tier, long from) throws SQLException {
        return single("SELECT MIN(t) FROM history_sample WHERE tier = ? AND t >= ?", tier, from);
    }

    /** Deletes a tier's rows older than {@code before}, in batches; returns how many went. */
    public long expire(Tier tier, long before) throws SQLException {
        long total = 0;
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("DELETE FROM history_sample WHERE tier = ? AND t < ? "
                     + "FETCH FIRST " + DELETE_BATCH + " ROWS ONLY")) {
            s.setInt(1, tier.ordinal());
            s.setLong(2, before);
            int n;
            do {
                n = s.executeUpdate();
                total += n;
            } while (n == DELETE_BATCH);
        }
        return total;
    }

    /** How many rows each tier holds, for the status and the size tests. */
    public long[] rowCounts() throws SQLException {
        long[] counts = new long[Tier.values().length];
        try (Connection c = db.getConnection(); var s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT tier, COUNT(*) FROM history_sample GROUP BY tier")) {
            while (r.next()) {
                counts[r.getInt(1)] = r.getLong(2);
            }
        }
        return counts;
    }

    /** A series by id, from what this store has seen or the database. */
    public SeriesRef series(int id) throws SQLException {
        SeriesRef known = byId.get(id);
        if (known != null) {
            return known;
        }
        try (Connection c = db.getConnection()) {
            loadAll(c);
        }
        SeriesRef loaded = byId.get(id);
        if (loaded == null) {
            throw new SQLException("No history series " + id);
        }
        return loaded;
    }

    private long single(String sql, Tier tier, long from) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setInt(1, tier.ordinal());
            if (from != Long.MIN_VALUE) {
                s.setLong(2, from);
            }
            ResultSet r = s.executeQuery();
            r.next();
            long t = r.getLong(1);
            return r.wasNull() ? -1 : t;
        }
    }

    private void loadAll(Connection c) throws SQLException {
        try (var s = c.createStatement()) {
            for (SeriesRef r : refs(s.executeQuery("SELECT id, name, labels, kind, bounds FROM history_series"))) {
                ids.put(r.key().id(), r);
                byId.put(r.id(), r);
            }
        }
    }

    private static List<SeriesRef> refs(ResultSet r) throws SQLException {
        List<SeriesRef> out = new ArrayList<>();
        while (r.next()) {
            out.add(new SeriesRef(r.getInt(1), new SeriesKey(r.getString(2), r.getString(3), r.getString(4), r.getString(5))));
        }
        return out;
    }

    private static List<Sample> samples(ResultSet r) throws SQLException {
        List<Sample> out = new ArrayList<>();
        while (r.next()) {
            byte[] b = r.getBytes(10);
            out.add(new Sample(r.getInt(1), Tier.values()[r.getInt(2)], r.getLong(3), r.getDouble(4), getDouble(r, 5),
                    getDouble(r, 6), getDouble(r, 7), getDouble(r, 8), getDouble(r, 9), b == null ? null : decode(b)));
        }
        return out;
    }

    private static void setDouble(PreparedStatement s, int i, Double v) throws SQLException {
        if (v == null) {
            s.setNull(i, Types.DOUBLE);
        } else {
            s.setDouble(i, v);
        }
    }

    private static Double getDouble(ResultSet r, int i) throws SQLException {
        double v = r.getDouble(i);
        return r.wasNull() ? null : v;
    }

    static byte[] encode(long[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * Long.BYTES);
        for (long v : values) {
            b.putLong(v);
        }
        return b.array();
    }

    static long[] decode(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        long[] values = new long[bytes.length / Long.BYTES];
        for (int i = 0; i < values.length; i++) {
            values[i] = b.getLong();
        }
        return values;
    }
}
