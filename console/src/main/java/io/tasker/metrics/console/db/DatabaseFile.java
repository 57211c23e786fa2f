package io.tasker.metrics.console.db;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The size of an H2 file database and an estimate of its live content, from H2's own figures
 * ({@code info.FILE_SIZE}; {@code info.FILL_RATE}, the share of the file its chunks use;
 * {@code info.CHUNKS_FILL_RATE}, the share of the chunks still referenced). The live content is
 * about what {@code SHUTDOWN COMPACT} would leave. All zero for an in-memory database.
 *
 * @param bytes the file's size
 * @param liveBytes its live content, estimated
 */
public record DatabaseFile(
        long bytes, @JsonProperty("live_bytes") long liveBytes) {
    static final DatabaseFile NONE = new DatabaseFile(0, 0);

    /**
     * A PostgreSQL database's size on disk ({@code pg_database_size}); its server reclaims dead
     * rows itself (autovacuum), so the whole of it counts as live.
     *
     * @throws SQLException when the database does not answer
     */
    public static DatabaseFile readPostgres(Connection c) throws SQLException {
        try (var s = c.createStatement();
                var r = s.executeQuery("SELECT pg_database_size(current_database())")) {
            r.next();
            long bytes = r.getLong(1);
            return new DatabaseFile(bytes, bytes);
        }
    }

    /** @throws SQLException when the database does not answer */
    public static DatabaseFile read(Connection c) throws SQLException {
        Map<String, String> info = new HashMap<>();
        try (var s = c.createStatement();
                var r = s.executeQuery("SELECT SETTING_NAME, SETTING_VALUE"
                        + " FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME LIKE 'info.%'")) {
            while (r.next()) {
                info.put(r.getString(1), r.getString(2));
            }
        }
        if (!info.containsKey("info.FILE_SIZE")) {
            return NONE;
        }
        long bytes = Long.parseLong(info.get("info.FILE_SIZE"));
        long used = bytes * Integer.parseInt(info.getOrDefault("info.FILL_RATE", "100")) / 100;
        return new DatabaseFile(
                bytes, used * Integer.parseInt(info.getOrDefault("info.CHUNKS_FILL_RATE", "100")) / 100);
    }
}
