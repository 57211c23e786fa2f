package io.tasker.metrics.console.history;

import io.tasker.metrics.console.db.Database;
import io.tasker.metrics.console.db.TestDatabases;
import io.tasker.metrics.testing.PostgresServerExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link HistoryTest}'s tests on PostgreSQL, a database of their own each. */
class HistoryOnPostgresTest extends HistoryTest {
    @RegisterExtension
    static final PostgresServerExtension POSTGRES = new PostgresServerExtension();

    @Override
    Database open() {
        return TestDatabases.postgres(POSTGRES);
    }
}
