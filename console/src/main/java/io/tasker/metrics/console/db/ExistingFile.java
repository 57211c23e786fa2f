package io.tasker.metrics.console.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * The H2 file a {@code jdbc:h2:file:} URL names, when it exists, checked before the console
 * opens it for writing: H2 re-creates a truncated file as a new, empty database, which would
 * overwrite the export history it held. A file that cannot be read read-only, or that holds no
 * console schema, is refused and left as it is.
 *
 * @param file the {@code .mv.db} file
 * @param jdbcUrl the URL as configured, for messages and the read-only look
 */
record ExistingFile(Path file, String jdbcUrl) {
    private static final String PREFIX = "jdbc:h2:file:";

    /** The file of a file URL that exists, or nothing (memory databases, a first start). */
    static Optional<ExistingFile> of(String jdbcUrl) {
        if (!jdbcUrl.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return Optional.empty();
        }
        String path = jdbcUrl.substring(PREFIX.length()).split(";", 2)[0];
        if (path.startsWith("~")) {
            path = System.getProperty("user.home") + path.substring(1);
        }
        Path file = Path.of(path + ".mv.db");
        return Files.exists(file) ? Optional.of(new ExistingFile(file.toAbsolutePath(), jdbcUrl)) : Optional.empty();
    }

    /** @throws IllegalStateException naming the file and what to do, when it is no console database */
    void check() {
        long size = size();
        if (size == 0) {
            throw refused("is empty (0 bytes)");
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl + ";ACCESS_MODE_DATA=r", "sa", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES"
                     + " WHERE TABLE_NAME = 'flyway_schema_history'")) {
            if (!rs.next() || rs.getLong(1) == 0) {
                throw refused("(" + size + " bytes) holds no console schema");
            }
        } catch (SQLException e) {
            throw refused("(" + size + " bytes) cannot be read: " + e.getMessage().split("\n")[0]);
        }
    }

    long size() {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw refused("cannot be read: " + e.getMessage());
        }
    }

    private IllegalStateException refused(String what) {
        return new IllegalStateException("The console database file " + file + " " + what
                + "; it may be truncated or damaged. The console does not start on it, so that the export history "
                + "it held is not replaced by an empty one: restore it from a backup, or move it away to start a new "
                + "history (the file is left as it is)");
    }
}
