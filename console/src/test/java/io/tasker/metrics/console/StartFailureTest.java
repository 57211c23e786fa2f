package io.tasker.metrics.console;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.console.db.Database;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A console that fails to start leaves nothing open behind it. */
class StartFailureTest {

    @Test
    void aRuntimeThatCannotStartClosesTheDatabase() {
        // Without DB_CLOSE_DELAY an in-memory H2 database lives exactly as long as a connection to it.
        String name = "leak-" + UUID.randomUUID();
        RuntimeException e = assertThrows(
                RuntimeException.class,
                () -> ConsoleFixture.builder()
                        .databaseUrl("jdbc:h2:mem:" + name)
                        .cacheUrl("file:///dev/null/store")
                        .start());
        assertTrue(e.getMessage().contains("/dev/null/store"), e.getMessage());
        IllegalStateException gone = assertThrows(
                IllegalStateException.class,
                () -> Database.open("jdbc:h2:mem:" + name + ";IFEXISTS=TRUE"),
                "the database of the failed start is still open");
        assertTrue(gone.getMessage().contains(name), gone.getMessage());
    }

    @Test
    void aPortOutOfRangeIsOneClearError() {
        for (String port : new String[] {"-1", "70000"}) {
            IllegalArgumentException e = assertThrows(
                    IllegalArgumentException.class,
                    () -> ConsoleFixture.builder()
                            .env("TASKER_CONSOLE_PORT", port)
                            .start());
            assertTrue(
                    e.getMessage().contains("console.port")
                            && e.getMessage().contains(port)
                            && e.getMessage().contains("0 to 65535"),
                    e.getMessage());
        }
    }

    @Test
    void aPortInUseIsOneClearError() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String port = String.valueOf(taken.getLocalPort());
            IllegalStateException e = assertThrows(
                    IllegalStateException.class,
                    () -> ConsoleFixture.builder()
                            .env("TASKER_CONSOLE_PORT", port)
                            .start());
            assertTrue(
                    e.getMessage().contains("127.0.0.1:" + port)
                            && e.getMessage().contains("in use")
                            && e.getMessage().contains("--port"),
                    e.getMessage());
        }
    }
}
