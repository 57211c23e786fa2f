package io.tasker.metrics.console.db;

import io.tasker.metrics.testing.PostgresServerExtension;
import java.time.Duration;
import java.util.UUID;

/** The two databases the console runs on, opened as the history and export history tests open them. */
public final class TestDatabases {
    private TestDatabases() {}

    /** A fresh in-memory H2 database, migrated. */
    public static Database h2() {
        return Database.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    /** A fresh database on this PostgreSQL server, migrated. */
    public static Database postgres(PostgresServerExtension server) {
        return Database.open(
                server.jdbcUrl(server.newDatabase()), new Login(server.user(), server.password()), Duration.ZERO);
    }
}
