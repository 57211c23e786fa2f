package io.tasker.metrics.console.history;

import io.tasker.metrics.snapshot.QuantileSketch;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * The history's tables ({@code migrations/h2/V3__value_history.sql} and its PostgreSQL twin):
 * series named once, samples by series, tier and start. Writes are MERGEs keyed by series, tier
 * and start, so a sample written twice (two consoles on one database in the moment one takes
 * the sampling over from the other) is one row, not two.
 */
public final class HistoryStore {
    /** The columns of a row, in the order {@link #samples} reads them. */
    private static final String COLUMNS = "k, tier, t, v, d, sd, span_ms, sketch, buckets";

    /** Rows deleted per statement, so that retention never holds a long lock. */
    static final int DELETE_BATCH = 10_000;
    /** The largest start a key can hold (33 bits of epoch seconds: the year 2242). */
    static final long MAX_T = (1L << 33) - 1;

    /*
     * Standard MERGE, which H2 and PostgreSQL (15 and later) both run. The casts give the
     * parameters their types (PostgreSQL reads an untyped VALUES parameter as text); the names
     * are cast without a length, so that one too long for its column is refused (22001), not cut.
     */
    private static final String MERGE_SERIES = "MERGE INTO history_series o USING (VALUES (CAST(? AS VARCHAR), "
            + "CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR))) AS n (name, labels, kind, bounds) "
            + "ON o.name = n.name AND o.labels = n.labels "
            + "WHEN MATCHED THEN UPDATE SET kind = n.kind, bounds = n.bounds "
            + "WHEN NOT MATCHED THEN INSERT (name, labels, kind, bounds) VALUES (n.name, n.labels, n.kind, n.bounds)";
    private static final String MERGE_SAMPLE = "MERGE INTO history_sample o USING (VALUES (CAST(? AS BIGINT), "
            + "CAST(? AS SMALLINT), CAST(? AS BIGINT), CAST(? AS DOUBLE PRECISION), CAST(? AS DOUBLE PRECISION), "
            + "CAST(? AS DOUBLE PRECISION), CAST(? AS BIGINT), CAST(? AS BYTEA), CAST(? AS BYTEA))) "
            + "AS n (k, tier, t, v, d, sd, span_ms, sketch, buckets) "
            + "ON o.k = n.k "
            + "WHEN MATCHED THEN UPDATE SET v = n.v, d = n.d, sd = n.sd, span_ms = n.span_ms, sketch = n.sketch, "
            + "buckets = n.buckets "
            + "WHEN NOT MATCHED THEN INSERT (k, tier, t, v, d, sd, span_ms, sketch, buckets) "
            + "VALUES (n.k, n.tier, n.t, n.v, n.d, n.sd, n.span_ms, n.sketch, n.buckets)";

    private final DataSource db;
    private final Map<String, SeriesRef> ids = new ConcurrentHashMap<>();
    private final Map<Integer, SeriesRef> byId = new ConcurrentHashMap<>();
    private final WriteBuffer buffer;

    /** A stored series: its id and key. */
    public record SeriesRef(int id, SeriesKey key) {}

    /** A store that writes raw rows every 5 minutes, as the console does by default. */
    public HistoryStore(DataSource db) {
        this(db, HistorySettings.DEFAULT_WRITE_INTERVAL);
    }

    /**
     * @param writeInterval sample time between two writes of raw rows ({@code console.history.write_interval});
     *     zero writes every sample at once
     */
    public HistoryStore(DataSource db, Duration writeInterval) {
        this.db = db;
        this.buffer = new WriteBuffer(writeInterval.getSeconds());
    }

    /**
     * The ids of these series, adding those the database does not know yet. A series the
     * database refuses (a value too long for its column, say) is left out of the answer, and the
     * others are added all the same; a database that refuses every one of them fails the call.
     *
     * @param keys the series to look up or add
     * @return the ids by {@link SeriesKey#id()}, without the series the database refused
     * @throws SQLException when the database cannot be used at all
     */
    public Map<String, SeriesRef> ids(Collection<SeriesKey> keys) throws SQLException {
        List<SeriesKey> missing =
                keys.stream().filter(k -> !ids.containsKey(k.id())).toList();
        if (!missing.isEmpty()) {
            try (Connection c = db.getConnection()) {
                try {
                    addSeries(c, missing);
                } catch (SQLException batch) {
                    addOneByOne(c, missing, batch);
                }
                loadAll(c);
            }
        }
        return ids;
    }

    private static void addSeries(Connection c, List<SeriesKey> keys) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(MERGE_SERIES)) {
            for (SeriesKey k : keys) {
                s.setString(1, k.name());
                s.setString(2, k.labels());
                s.setString(3, k.kind());
                s.setString(4, k.bounds());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /**
     * After a refused batch: each series alone, so that the one the database refuses for its
     * values (a data or constraint error, SQLState class 22 or 23) costs only itself. Any other
     * error is the database's trouble rather than a series', and fails the call.
     */
    private static void addOneByOne(Connection c, List<SeriesKey> keys, SQLException batch) throws SQLException {
        for (SeriesKey k : keys) {
            try {
                addSeries(c, List.of(k));
            } catch (SQLException e) {
                String state = e.getSQLState() == null ? "" : e.getSQLState();
                if (!state.startsWith("22") && !state.startsWith("23")) {
                    e.addSuppressed(batch);
                    throw e;
                }
            }
        }
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
        try (Connection c = db.getConnection();
                var s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT DISTINCT name FROM history_series ORDER BY name")) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        }
        return out;
    }

    /** The primary key of a row: series, tier and start packed into one long, in that order. */
    static long key(int seriesId, Tier tier, long t) {
        return ((long) seriesId << 35) | ((long) tier.ordinal() << 33) | t;
    }

    /**
     * Stores samples: those of the raw and minute tiers into the {@link WriteBuffer}, which
     * goes to the table every few minutes; the others at once.
     */
    public void write(List<Sample> samples) throws SQLException {
        List<Sample> now = new ArrayList<>();
        long latest = 0;
        for (Sample x : samples) {
            if (buffer.buffers(x.tier())) {
                buffer.put(x);
            } else {
                now.add(x);
            }
            latest = Math.max(latest, x.start());
        }
        writeNow(now);
        List<Sample> due = buffer.due(latest);
        writeNow(due);
        buffer.written(due);
    }

    /** Writes what the buffer holds, as at a stop. */
    public void flush() throws SQLException {
        List<Sample> held = buffer.all();
        writeNow(held);
        buffer.written(held);
    }

    /** Writes the samples in one transaction: many rows, one commit. */
    private void writeNow(List<Sample> unsorted) throws SQLException {
        if (unsorted.isEmpty()) {
            return;
        }
        // In key order, so that a series' rows go to its page together.
        List<Sample> samples = new ArrayList<>(unsorted);
        samples.sort(Comparator.comparingLong(x -> key(x.seriesId(), x.tier(), x.start())));
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                merge(c, samples);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    private static void merge(Connection c, List<Sample> samples) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(MERGE_SAMPLE)) {
            for (Sample x : samples) {
                s.setLong(1, key(x.seriesId(), x.tier(), x.start()));
                s.setInt(2, x.tier().ordinal());
                s.setLong(3, x.start());
                s.setDouble(4, x.value());
                setDouble(s, 5, x.increase());
                setDouble(s, 6, x.sumIncrease());
                if (x.spanMillis() == null) {
                    s.setNull(7, Types.BIGINT);
                } else {
                    s.setLong(7, x.spanMillis());
                }
                s.setBytes(8, x.sketch() == null ? null : x.sketch().encode());
                s.setBytes(9, x.buckets() == null ? null : encode(x.buckets()));
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** The samples of one series in one tier from {@code from} (epoch seconds) on, oldest first. */
    public List<Sample> read(int seriesId, Tier tier, long from) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT " + COLUMNS + " FROM history_sample WHERE k BETWEEN ? AND ? ORDER BY k")) {
            s.setLong(1, key(seriesId, tier, Math.max(0, from)));
            s.setLong(2, key(seriesId, tier, MAX_T));
            return withBuffered(samples(s.executeQuery()), buffer.series(seriesId, tier, from));
        }
    }

    /** Every series' samples of one tier in {@code [from, to)}, by series then time. */
    List<Sample> readTier(Tier tier, long from, long to) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT " + COLUMNS + " FROM history_sample WHERE tier = ? AND t >= ? AND t < ? ORDER BY k")) {
            s.setInt(1, tier.ordinal());
            s.setLong(2, from);
            s.setLong(3, to);
            return withBuffered(samples(s.executeQuery()), buffer.tier(tier, from, to));
        }
    }

    /** The latest start in a tier, or -1 when it is empty. */
    long latest(Tier tier) throws SQLException {
        return Math.max(
                buffer.latest(tier), single("SELECT MAX(t) FROM history_sample WHERE tier = ?", tier, Long.MIN_VALUE));
    }

    /** The earliest start in a tier at or after {@code from}, or -1 when there is none. */
    long earliest(Tier tier, long from) throws SQLException {
        // ORDER BY ... FETCH FIRST walks the (tier, t) index and stops at once; MIN(t) with a WHERE scans the range.
        long stored = single(
                "SELECT t FROM history_sample WHERE tier = ? AND t >= ? ORDER BY tier, t FETCH FIRST 1 ROW ONLY",
                tier,
                from);
        long held = buffer.earliest(tier, from);
        return stored < 0 ? held : held < 0 ? stored : Math.min(stored, held);
    }

    /** Deletes a tier's rows older than {@code before}, in batches; returns how many went. */
    public long expire(Tier tier, long before) throws SQLException {
        buffer.expire(tier, before);
        long total = 0;
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("DELETE FROM history_sample WHERE k IN (SELECT k FROM "
                        + "history_sample WHERE tier = ? AND t < ? LIMIT " + DELETE_BATCH + ")")) {
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

    /** How many rows each tier holds, in the table and the buffer, for the status and the size tests. */
    public long[] rowCounts() throws SQLException {
        long[] counts = new long[Tier.values().length];
        try (Connection c = db.getConnection();
                var s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT tier, COUNT(*) FROM history_sample GROUP BY tier")) {
            while (r.next()) {
                counts[r.getInt(1)] = r.getLong(2);
            }
        }
        for (Tier tier : Tier.values()) {
            counts[tier.ordinal()] += buffer.count(tier);
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
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setInt(1, tier.ordinal());
            if (from != Long.MIN_VALUE) {
                s.setLong(2, from);
            }
            ResultSet r = s.executeQuery();
            if (!r.next()) {
                return -1;
            }
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
            out.add(new SeriesRef(
                    r.getInt(1), new SeriesKey(r.getString(2), r.getString(3), r.getString(4), r.getString(5))));
        }
        return out;
    }

    private static List<Sample> samples(ResultSet r) throws SQLException {
        List<Sample> out = new ArrayList<>();
        while (r.next()) {
            long span = r.getLong(7);
            Long spanOrNull = r.wasNull() ? null : span;
            byte[] sketch = r.getBytes(8);
            byte[] buckets = r.getBytes(9);
            out.add(new Sample(
                    (int) (r.getLong(1) >>> 35),
                    Tier.values()[r.getInt(2)],
                    r.getLong(3),
                    r.getDouble(4),
                    getDouble(r, 5),
                    getDouble(r, 6),
                    spanOrNull,
                    sketch == null ? null : QuantileSketch.decode(sketch),
                    buckets == null ? null : decode(buckets)));
        }
        return out;
    }

    /** Rows of the table and of the buffer, by key; the buffer's are the newer where both have one. */
    private static List<Sample> withBuffered(List<Sample> stored, List<Sample> held) {
        if (held.isEmpty()) {
            return stored;
        }
        TreeMap<Long, Sample> all = new TreeMap<>();
        for (Sample x : stored) {
            all.put(key(x.seriesId(), x.tier(), x.start()), x);
        }
        for (Sample x : held) {
            all.put(key(x.seriesId(), x.tier(), x.start()), x);
        }
        return new ArrayList<>(all.values());
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
