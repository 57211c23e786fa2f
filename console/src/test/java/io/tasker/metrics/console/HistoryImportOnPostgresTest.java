package io.tasker.metrics.console;

import io.tasker.metrics.console.db.Database;
import io.tasker.metrics.console.db.TestDatabases;
import io.tasker.metrics.testing.PostgresServerExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link HistoryImportTest}'s tests on PostgreSQL: concurrent imports of one record take it once there too. */
class HistoryImportOnPostgresTest extends HistoryImportTest {
    @RegisterExtension
    static final PostgresServerExtension POSTGRES = new PostgresServerExtension();

    @Override
    Database open() {
        return TestDatabases.postgres(POSTGRES);
    }

    @Override
    ConsoleFixture.Builder builder() {
        return ConsoleFixture.builder().postgres(POSTGRES);
    }
}
