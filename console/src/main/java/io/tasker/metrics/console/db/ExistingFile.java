package io.tasker.metrics.console.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * The H2 file a file URL names ({@code jdbc:h2:file:<path>} or {@code jdbc:h2:./<path>}, see
 * {@link H2Url}), when it exists, checked before the console
 * opens it for writing: H2 re-creates a truncated file as a new, empty database, which would
 * overwrite the export history it held. A file that cannot be read read-only, or that holds no
 * console schema, is refused and left as it is.
 *
 * @param file the {@code .mv.db} file
 * @param jdbcUrl the URL as configured, for messages and the read-only look
 */
record ExistingFile(Path file, String jdbcUrl) {
    /** The file a file URL names, when it exists (read as {@link H2Url} reads it); nothing for memory databases and a first start. */
    static Optional<ExistingFile> of(String jdbcUrl) {
        return H2Url.parse(jdbcUrl).file().filter(Files::exists).map(file -> new ExistingFile(file, jdbcUrl));
    }

    /**
     * @throws IllegalStateException naming the file and what to do, when it is no console database
     * @throws FileInUse when another process holds the file, which says nothing of its state
     */
    void check() {
        long size = size();
        if (size == 0) {
            throw refused("is empty (0 bytes)");
        }
        long chunkEnd = lastChunkEnd();
        if (chunkEnd > size) {
            // H2 would fall back to an older chunk that the cut left whole, and go on from a past state.
            throw refused("(" + size + " bytes) ends before its last chunk does (" + chunkEnd + " bytes)");
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl + ";ACCESS_MODE_DATA=r", "sa", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES"
                        + " WHERE TABLE_NAME = 'flyway_schema_history'")) {
            if (!rs.next() || rs.getLong(1) == 0) {
                throw refused("(" + size + " bytes) holds no console schema");
            }
        } catch (SQLException e) {
            if (FileInUse.is(e)) {
                throw new FileInUse(e);
            }
            throw refused(
                    "(" + size + " bytes) cannot be read: " + e.getMessage().split("\n")[0]);
        }
    }

    /**
     * Where the chunk H2's file header names ends at the least (its first block): the header
     * is the file's first line, {@code H:2,block:<hex>,blockSize:<hex>,...}. Zero when the file
     * holds no such header, which leaves the judgement to H2.
     */
    long lastChunkEnd() {
        byte[] head = new byte[4096];
        int read;
        try (var in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw refused("cannot be read: " + e.getMessage());
        }
        String line = new String(head, 0, read, StandardCharsets.ISO_8859_1).split("\n", 2)[0];
        if (!line.startsWith("H:")) {
            return 0;
        }
        long block = -1;
        long blockSize = 4096;
        for (String field : line.split(",")) {
            String[] kv = field.split(":", 2);
            try {
                if (kv[0].equals("block") && kv.length == 2) {
                    block = Long.parseLong(kv[1], 16);
                } else if (kv[0].equals("blockSize") && kv.length == 2) {
                    blockSize = Long.parseLong(kv[1], 16);
                }
            } catch (NumberFormatException garbled) {
                return 0;
            }
        }
        return block < 0 ? 0 : (block + 1) * blockSize;
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
