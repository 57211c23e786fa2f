package io.tasker.metrics.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tasker.metrics.console.ConsoleFixture.Response;
import io.tasker.metrics.console.db.Database;
import io.tasker.metrics.console.web.Ui;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flyway migrates an empty database fully, an up-to-date one not at all, and keeps the data. */
class MigrationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void anEmptyDatabaseGetsEveryMigration() throws SQLException {
        try (Database db = Database.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")) {
            assertEquals(5, db.migrationsApplied(), "V1, V2, H2's V3, V4 and V5");
            assertEquals(
                    5,
                    count(
                            db,
                            "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"success\" AND \"version\" IS NOT NULL"));
            assertEquals(0, count(db, "SELECT COUNT(*) FROM history_sample"));
            assertEquals(0, count(db, "SELECT COUNT(*) FROM history_series"));
            assertEquals(0, count(db, "SELECT COUNT(*) FROM export_history"));
            assertEquals(0, count(db, "SELECT COUNT(*) FROM console_lease"));
            assertEquals(
                    2,
                    count(
                            db,
                            "SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES WHERE TABLE_NAME = "
                                    + "'EXPORT_HISTORY' AND INDEX_NAME IN ('EXPORT_HISTORY_AT', 'EXPORT_HISTORY_OUTCOME_FORMAT')"));
        }
    }

    @Test
    void anExistingDatabaseIsLeftAsItIsAndKeepsItsHistory() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("console").toAbsolutePath();
        JsonNode made;
        try (ConsoleFixture console = ConsoleFixture.builder().databaseUrl(url).start()) {
            Response r = console.post(Ui.API_EXPORT + "?format=csv", console.bearer());
            assertEquals(200, r.status(), r.body());
            made = JSON.readTree(r.body());
        }
        try (Database db = Database.open(url)) {
            assertEquals(0, db.migrationsApplied());
            assertEquals(1, count(db, "SELECT COUNT(*) FROM export_history"));
        }
        try (ConsoleFixture console = ConsoleFixture.builder().databaseUrl(url).start()) {
            JsonNode history = JSON.readTree(console.get(Ui.API_EXPORTS).body());
            assertEquals(1, history.path("total").asInt(), history.toString());
            JsonNode kept = history.path("exports").get(0);
            assertEquals(made.path("at").asText(), kept.path("at").asText());
            assertEquals("csv", kept.path("format").asText());
            assertTrue(
                    console.get(Ui.HEALTH_STATUS).body().contains("\"export_stale\":false"),
                    "the export made before the restart still counts");
        }
    }

    @Test
    void aDatabaseThatCannotBeOpenedFailsWithItsUrl() {
        String url = "jdbc:h2:file:" + dir.resolve("missing/console").toAbsolutePath() + ";IFEXISTS=TRUE";
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Database.open(url));
        assertTrue(e.getMessage().contains(url), e.getMessage());
    }

    @Test
    void aTruncatedDatabaseFileIsRefusedAndKept() throws Exception {
        Path file = dir.resolve("console.mv.db");
        String url = "jdbc:h2:file:" + dir.resolve("console").toAbsolutePath();
        try (ConsoleFixture console = ConsoleFixture.builder().databaseUrl(url).start()) {
            assertEquals(
                    200,
                    console.post(Ui.API_EXPORT + "?format=csv", console.bearer())
                            .status());
        }
        for (long size : new long[] {Files.size(file) / 2, 8192, 100, 0}) {
            try (var channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
                channel.truncate(size);
            }
            byte[] before = Files.readAllBytes(file);
            IllegalStateException e = assertThrows(
                    IllegalStateException.class, () -> Database.open(url), "truncated to " + size + " bytes");
            assertTrue(
                    e.getMessage().contains(file.toString()) && e.getMessage().contains("export history"),
                    e.getMessage());
            assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(file)), "the file is left as it was");
        }
    }

    @Test
    void aTruncatedDatabaseFileIsRefusedWhicheverFormTheUrlTakes() throws Exception {
        // jdbc:h2:<path> is a file URL to H2 as much as jdbc:h2:file:<path>; the check missed it.
        Path file = dir.resolve("console.mv.db");
        String url = "jdbc:h2:" + dir.resolve("console").toAbsolutePath();
        try (ConsoleFixture console = ConsoleFixture.builder().databaseUrl(url).start()) {
            assertEquals(
                    200,
                    console.post(Ui.API_EXPORT + "?format=csv", console.bearer())
                            .status());
        }
        try (var channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
            channel.truncate(8192);
        }
        byte[] before = Files.readAllBytes(file);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Database.open(url));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("truncated"), e.getMessage());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(file)), "the file is left as it was");
    }

    private static long count(Database db, String sql) throws SQLException {
        try (Connection c = db.connection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
