package io.tasker.metrics.console;

import io.tasker.metrics.testing.PostgresServerExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link RetentionTest}'s tests on PostgreSQL: the export history's batched delete runs there too. */
class RetentionOnPostgresTest extends RetentionTest {
    @RegisterExtension
    static final PostgresServerExtension POSTGRES = new PostgresServerExtension();

    @Override
    ConsoleFixture.Builder builder() {
        return ConsoleFixture.builder().postgres(POSTGRES);
    }
}
